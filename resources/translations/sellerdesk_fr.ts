<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr">
  <context>
    <name>AboutDialog</name>
    <message>
      <source>About SellerDesk</source>
      <translation>À propos de SellerDesk</translation>
    </message>
    <message>
      <source>Version {version}</source>
      <translation>Version {version}</translation>
    </message>
    <message>
      <source>Orders, payments, shipments, cancellations, refunds and returns for marketplace sellers.</source>
      <translation>Commandes, paiements, expéditions, annulations, remboursements et retours pour les vendeurs sur les places de marché.</translation>
    </message>
    <message>
      <source>Your data folder:</source>
      <translation>Votre dossier de données :</translation>
    </message>
    <message>
      <source>Your orders and settings are kept here. Back up this folder.</source>
      <translation>Vos commandes et vos réglages sont conservés ici. Sauvegardez ce dossier.</translation>
    </message>
    <message>
      <source>&amp;Open Data Folder</source>
      <translation>&amp;Ouvrir le dossier de données</translation>
    </message>
    <message>
      <source>Free software under the MIT licence. © SellerDesk developers.</source>
      <translation>Logiciel libre sous licence MIT. © Les développeurs de SellerDesk.</translation>
    </message>
    <message>
      <source>Built with Qt {qt}.</source>
      <translation>Réalisé avec Qt {qt}.</translation>
    </message>
  </context>
  <context>
    <name>Actions</name>
    <message>
      <source>&amp;Import order report…</source>
      <translation>&amp;Importer un rapport sur les commandes…</translation>
    </message>
    <message>
      <source>Read an order report downloaded from Seller Central</source>
      <translation>Lire un rapport sur les commandes téléchargé depuis Seller Central</translation>
    </message>
    <message>
      <source>Try &amp;demo data</source>
      <translation>Essayer des &amp;données de démonstration</translation>
    </message>
    <message>
      <source>Open a throw-away database filled with demo orders; your data stays as is</source>
      <translation>Ouvrir une base jetable remplie de commandes de démonstration ; vos données restent intactes</translation>
    </message>
    <message>
      <source>&amp;Export upload files…</source>
      <translation>E&amp;xporter les fichiers à charger…</translation>
    </message>
    <message>
      <source>Write the cancellation, adjustment and shipping confirmation files for Seller Central</source>
      <translation>Écrire les fichiers d'annulation, d'ajustement et de confirmation d'expédition pour Seller Central</translation>
    </message>
    <message>
      <source>Cancel orders from a &amp;file…</source>
      <translation>Annuler des commandes depuis un &amp;fichier…</translation>
    </message>
    <message>
      <source>Read an order cancellation file, check every row, then apply the valid ones</source>
      <translation>Lire un fichier d'annulation de commandes, vérifier chaque ligne, puis appliquer les lignes valides</translation>
    </message>
    <message>
      <source>S&amp;ync with Seller Central</source>
      <translation>S&amp;ynchroniser avec Seller Central</translation>
    </message>
    <message>
      <source>Download the order reports and send what is to send through the Seller Central connection</source>
      <translation>Télécharger les rapports sur les commandes et envoyer ce qui est à envoyer par la connexion à Seller Central</translation>
    </message>
    <message>
      <source>&amp;Marketplace connection…</source>
      <translation>Connexion à la place de &amp;marché…</translation>
    </message>
    <message>
      <source>Set up the connection to Seller Central: region, marketplaces, credentials</source>
      <translation>Configurer la connexion à Seller Central : région, places de marché, identifiants</translation>
    </message>
    <message>
      <source>&amp;Print cancellation summary…</source>
      <translation>Im&amp;primer le récapitulatif des annulations…</translation>
    </message>
    <message>
      <source>Print or save as PDF the cancellations of a period, or of the orders selected in the list when you select several</source>
      <translation>Imprimer ou enregistrer en PDF les annulations d'une période, ou des commandes sélectionnées dans la liste quand vous en sélectionnez plusieurs</translation>
    </message>
    <message>
      <source>&amp;Back up now…</source>
      <translation>&amp;Sauvegarder maintenant…</translation>
    </message>
    <message>
      <source>Save a checked copy of the database in the backups folder, readable by you</source>
      <translation>Enregistrer une copie vérifiée de la base de données dans le dossier des sauvegardes, lisible par vous seul</translation>
    </message>
    <message>
      <source>Res&amp;tore from backup…</source>
      <translation>Res&amp;taurer une sauvegarde…</translation>
    </message>
    <message>
      <source>Replace the database by a backup; the current database is backed up first</source>
      <translation>Remplacer la base de données par une sauvegarde ; la base actuelle est d'abord sauvegardée</translation>
    </message>
    <message>
      <source>P&amp;references…</source>
      <translation>P&amp;références…</translation>
    </message>
    <message>
      <source>Shop name, language and restocking-fee ceilings, and other settings</source>
      <translation>Nom de la boutique, langue, plafonds des frais de restockage et autres réglages</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>&amp;Quitter</translation>
    </message>
    <message>
      <source>Close SellerDesk</source>
      <translation>Fermer SellerDesk</translation>
    </message>
    <message>
      <source>Confirm &amp;shipment…</source>
      <translation>Confirmer l'&amp;expédition…</translation>
    </message>
    <message>
      <source>Record that the order (or some of its items) has left</source>
      <translation>Enregistrer que la commande (ou certains de ses articles) est partie</translation>
    </message>
    <message>
      <source>&amp;Cancel order…</source>
      <translation>&amp;Annuler la commande…</translation>
    </message>
    <message>
      <source>Cancel the order, or what is left to ship of it, with a reason</source>
      <translation>Annuler la commande, ou ce qu'il reste à expédier, avec un motif</translation>
    </message>
    <message>
      <source>Cancel &amp;items…</source>
      <translation>Annuler des ar&amp;ticles…</translation>
    </message>
    <message>
      <source>Cancel some items of the order; the rest stays to ship</source>
      <translation>Annuler certains articles de la commande ; le reste reste à expédier</translation>
    </message>
    <message>
      <source>&amp;Refund…</source>
      <translation>&amp;Rembourser…</translation>
    </message>
    <message>
      <source>Refund all or part of what the buyer was charged, minus a restocking fee</source>
      <translation>Rembourser tout ou partie de ce qui a été facturé à l'acheteur, moins des frais de restockage</translation>
    </message>
    <message>
      <source>Re&amp;turn…</source>
      <translation>Enregistrer un ret&amp;our…</translation>
    </message>
    <message>
      <source>Record that the parcel is coming back, or that it is back and in what state</source>
      <translation>Enregistrer que le colis revient, ou qu'il est revenu et dans quel état</translation>
    </message>
    <message>
      <source>&amp;Message buyer…</source>
      <translation>Écrire à l'a&amp;cheteur…</translation>
    </message>
    <message>
      <source>Write to the buyer from a template, copy or e-mail it, keep it on the timeline</source>
      <translation>Écrire à l'acheteur à partir d'un modèle, le copier ou l'envoyer par e-mail, le garder dans l'historique</translation>
    </message>
    <message>
      <source>Buyer &amp;asked to cancel by message…</source>
      <translation>L'acheteur a &amp;demandé d'annuler par message…</translation>
    </message>
    <message>
      <source>Note that the buyer wrote asking to cancel: the order is flagged and the reply asking for the official request is one click away</source>
      <translation>Noter que l'acheteur a écrit pour annuler : la commande est signalée et la réponse demandant la demande officielle est à un clic</translation>
    </message>
    <message>
      <source>Copy order i&amp;d</source>
      <translation>Copier le &amp;numéro de commande</translation>
    </message>
    <message>
      <source>Copy the selected order's id to the clipboard</source>
      <translation>Copier le numéro de la commande sélectionnée dans le presse-papiers</translation>
    </message>
    <message>
      <source>Account &amp;health</source>
      <translation>Performances du &amp;compte</translation>
    </message>
    <message>
      <source>Cancellation rate, late shipments, orders at risk and refunds due, at a glance</source>
      <translation>Taux d'annulations, expéditions en retard, commandes menacées et remboursements dus, d'un coup d'œil</translation>
    </message>
    <message>
      <source>&amp;Search orders</source>
      <translation>&amp;Rechercher des commandes</translation>
    </message>
    <message>
      <source>Search by order id, buyer name, SKU or product name</source>
      <translation>Rechercher par numéro de commande, nom de l'acheteur, SKU ou nom du produit</translation>
    </message>
    <message>
      <source>Go to the order &amp;list</source>
      <translation>Aller à la &amp;liste des commandes</translation>
    </message>
    <message>
      <source>Move the keyboard focus to the order list</source>
      <translation>Placer le curseur clavier dans la liste des commandes</translation>
    </message>
    <message>
      <source>&amp;Reload</source>
      <translation>Rec&amp;harger</translation>
    </message>
    <message>
      <source>Read the orders and counts again from the database</source>
      <translation>Relire les commandes et les compteurs depuis la base de données</translation>
    </message>
    <message>
      <source>&amp;About SellerDesk</source>
      <translation>À &amp;propos de SellerDesk</translation>
    </message>
    <message>
      <source>Version and licence</source>
      <translation>Version et licence</translation>
    </message>
    <message>
      <source>Select an order first.</source>
      <translation>Sélectionnez d'abord une commande.</translation>
    </message>
  </context>
  <context>
    <name>Application</name>
    <message>
      <source>SellerDesk cannot open the database</source>
      <translation>SellerDesk ne peut pas ouvrir la base de données</translation>
    </message>
  </context>
  <context>
    <name>AskedByMessage</name>
    <message>
      <source>The buyer asked by message to cancel: "{message}"</source>
      <translation>L'acheteur a demandé l'annulation par message : « {message} »</translation>
    </message>
    <message>
      <source>The buyer asked by message to cancel.</source>
      <translation>L'acheteur a demandé l'annulation par message.</translation>
    </message>
    <message>
      <source>The message is too long: keep it under {most} characters.</source>
      <translation>Le message est trop long : pas plus de {most} caractères.</translation>
    </message>
    <message>
      <source>{when} is in the future: say when the buyer wrote.</source>
      <translation>{when} est dans le futur : indiquez quand l'acheteur a écrit.</translation>
    </message>
    <message>
      <source>{when} is before the order was placed ({purchased}): say when the buyer wrote.</source>
      <translation>{when} est avant la commande ({purchased}) : indiquez quand l'acheteur a écrit.</translation>
    </message>
  </context>
  <context>
    <name>AskedByMessageDialog</name>
    <message>
      <source>Buyer asked to cancel by message — {order}</source>
      <translation>Demande d'annulation par message — {order}</translation>
    </message>
    <message>
      <source>Optional: paste what the buyer wrote</source>
      <translation>Facultatif : collez ce que l'acheteur a écrit</translation>
    </message>
    <message>
      <source>The buyer &amp;wrote on:</source>
      <translation>L'acheteur a &amp;écrit le :</translation>
    </message>
    <message>
      <source>&amp;Message:</source>
      <translation>&amp;Message :</translation>
    </message>
    <message>
      <source>The order is flagged under Buyer requested cancellation. Cancelling it now would count in your cancellation rate: reply asking the buyer to use Request cancellation, and it will not count.</source>
      <translation>La commande est signalée sous « Annulation demandée par l'acheteur ». L'annuler maintenant compterait dans votre taux d'annulations : répondez en demandant à l'acheteur d'utiliser « Demander une annulation », et elle ne comptera pas.</translation>
    </message>
    <message>
      <source>&amp;Note the request</source>
      <translation>&amp;Noter la demande</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Fermer</translation>
    </message>
  </context>
  <context>
    <name>BackupController</name>
    <message>
      <source>Daily backup saved: {path}</source>
      <translation>Sauvegarde du jour enregistrée : {path}</translation>
    </message>
    <message>
      <source>Back up</source>
      <translation>Sauvegarder</translation>
    </message>
    <message>
      <source>Backing up the database…</source>
      <translation>Sauvegarde de la base de données…</translation>
    </message>
    <message>
      <source>Stop</source>
      <translation>Arrêter</translation>
    </message>
    <message>
      <source>Backup saved</source>
      <translation>Sauvegarde enregistrée</translation>
    </message>
    <message>
      <source>&amp;Open backups folder</source>
      <translation>&amp;Ouvrir le dossier des sauvegardes</translation>
    </message>
    <message>
      <source>Restore from backup</source>
      <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
      <source>SellerDesk backups (*.sqlite *.bak);;All files (*)</source>
      <translation>Sauvegardes SellerDesk (*.sqlite *.bak);;Tous les fichiers (*)</translation>
    </message>
    <message>
      <source>Checking the backup…</source>
      <translation>Vérification de la sauvegarde…</translation>
    </message>
    <message>
      <source>Restoring the backup…</source>
      <translation>Restauration de la sauvegarde…</translation>
    </message>
    <message>
      <source>Backup restored</source>
      <translation>Sauvegarde restaurée</translation>
    </message>
    <message>
      <source>Backups</source>
      <translation>Sauvegardes</translation>
    </message>
    <message>
      <source>Something went wrong: {error}</source>
      <translation>Un problème est survenu : {error}</translation>
    </message>
  </context>
  <context>
    <name>Backups</name>
    <message numerus="yes">
      <source>Backed up %n order(s) to {path}.</source>
      <translation>
        <numerusform>%Ln commande sauvegardée dans {path}.</numerusform>
        <numerusform>%Ln commandes sauvegardées dans {path}.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Restored %n order(s) from {path}, taken {taken}.</source>
      <translation>
        <numerusform>%Ln commande restaurée depuis {path}, sauvegarde du {taken}.</numerusform>
        <numerusform>%Ln commandes restaurées depuis {path}, sauvegarde du {taken}.</numerusform>
      </translation>
    </message>
    <message>
      <source>{restored} The database as it was is in {before}.</source>
      <translation>{restored} La base de données telle qu'elle était se trouve dans {before}.</translation>
    </message>
    <message>
      <source>This database is on a database server (PostgreSQL): backing it up and restoring it are the server's job (pg_dump and pg_restore), not SellerDesk's. Nothing was done.</source>
      <translation>Cette base de données est sur un serveur (PostgreSQL) : la sauvegarder et la restaurer sont le travail du serveur (pg_dump et pg_restore), pas celui de SellerDesk. Rien n'a été fait.</translation>
    </message>
    <message>
      <source>The backup was stopped; nothing was saved.</source>
      <translation>La sauvegarde a été arrêtée ; rien n'a été enregistré.</translation>
    </message>
    <message>
      <source>There is no database at {path} to back up; nothing was done.</source>
      <translation>Il n'y a pas de base de données à sauvegarder à l'emplacement {path} ; rien n'a été fait.</translation>
    </message>
    <message>
      <source>it is the database itself</source>
      <translation>c'est la base de données elle-même</translation>
    </message>
    <message>
      <source>it is a folder; choose a backup file</source>
      <translation>c'est un dossier ; choisissez un fichier de sauvegarde</translation>
    </message>
    <message>
      <source>there is no such file</source>
      <translation>ce fichier n'existe pas</translation>
    </message>
    <message>
      <source>it is not a SellerDesk database</source>
      <translation>ce n'est pas une base de données SellerDesk</translation>
    </message>
    <message>
      <source>it was written by a newer SellerDesk; update SellerDesk first</source>
      <translation>le fichier a été écrit par une version plus récente de SellerDesk ; mettez d'abord SellerDesk à jour</translation>
    </message>
    <message>
      <source>it is damaged</source>
      <translation>le fichier est endommagé</translation>
    </message>
    <message>
      <source>it is the open database</source>
      <translation>c'est la base de données ouverte</translation>
    </message>
    <message>
      <source>The restore was stopped; the database was left as it was.</source>
      <translation>La restauration a été arrêtée ; la base de données est restée telle quelle.</translation>
    </message>
    <message>
      <source>Cannot restore into {path} ({detail}); it was left as it was.</source>
      <translation>Impossible de restaurer dans {path} ({detail}) ; elle est restée telle quelle.</translation>
    </message>
    <message>
      <source>Cannot restore {path}: it could not be brought up to this SellerDesk's version ({detail}). Nothing was changed.</source>
      <translation>Impossible de restaurer {path} : le fichier n'a pas pu être mis à niveau pour cette version de SellerDesk ({detail}). Rien n'a été modifié.</translation>
    </message>
    <message>
      <source>Database restored from {path}, taken {taken}</source>
      <translation>Base de données restaurée depuis {path}, sauvegarde du {taken}</translation>
    </message>
    <message>
      <source>Cannot restore {path}: {reason}. Nothing was changed.</source>
      <translation>Impossible de restaurer {path} : {reason}. Rien n'a été modifié.</translation>
    </message>
  </context>
  <context>
    <name>BackupsPage</name>
    <message>
      <source>Open &amp;folder</source>
      <translation>&amp;Ouvrir le dossier</translation>
    </message>
    <message>
      <source>None yet</source>
      <translation>Aucune pour l'instant</translation>
    </message>
    <message>
      <source>Backups to &amp;keep:</source>
      <translation>Sauvegardes à conser&amp;ver :</translation>
    </message>
    <message>
      <source>Backups folder:</source>
      <translation>Dossier des sauvegardes :</translation>
    </message>
    <message>
      <source>Last backup:</source>
      <translation>Dernière sauvegarde :</translation>
    </message>
    <message>
      <source>SellerDesk backs up the database once a day when its window opens, and before every restore; the oldest backups beyond this number are removed. File &gt; Back up now… takes one at any time.</source>
      <translation>SellerDesk sauvegarde la base de données une fois par jour à l'ouverture de sa fenêtre, et avant chaque restauration ; les sauvegardes les plus anciennes au-delà de ce nombre sont supprimées. Fichier &gt; Sauvegarder maintenant… en fait une à tout moment.</translation>
    </message>
  </context>
  <context>
    <name>BulkCancel</name>
    <message>
      <source>Line {line}: {problem}</source>
      <translation>Ligne {line} : {problem}</translation>
    </message>
    <message>
      <source>Cannot read {path}: {detail}.</source>
      <translation>Impossible de lire {path} : {detail}.</translation>
    </message>
    <message>
      <source>7-day cancellation rate: {before} % now, {after} % after these cancellations (target under {target} %).</source>
      <translation>Taux d'annulations sur 7 jours : {before} % aujourd'hui, {after} % après ces annulations (objectif : moins de {target} %).</translation>
    </message>
    <message>
      <source>Stopped before the end of the file; nothing was cancelled.</source>
      <translation>Arrêté avant la fin du fichier ; rien n'a été annulé.</translation>
    </message>
    <message>
      <source>The order id is blank.</source>
      <translation>Le numéro de commande est vide.</translation>
    </message>
    <message>
      <source>The reason code is blank: SellerDesk must know whether the cancellation counts in your rate. Fill in a code such as {examples}, or give one reason for every row without one.</source>
      <translation>Le code Amazon du motif est vide : SellerDesk doit savoir si l’annulation compte dans votre taux. Indiquez un code comme {examples}, ou donnez un motif pour toutes les lignes qui n’en ont pas.</translation>
    </message>
    <message numerus="yes">
      <source>Cancels the whole order (%n unit(s)); the buyer is notified by e-mail.</source>
      <translation>
        <numerusform>Annule toute la commande (%Ln unité) ; Amazon prévient l'acheteur par e-mail.</numerusform>
        <numerusform>Annule toute la commande (%Ln unités) ; Amazon prévient l'acheteur par e-mail.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Cancels item {item} (%n unit(s)); it goes into the order adjustment file once the rest of the order is shipped.</source>
      <translation>
        <numerusform>Annule l'article {item} (%Ln unité) ; il ira dans le fichier d'ajustement de commandes une fois le reste de la commande expédié.</numerusform>
        <numerusform>Annule l'article {item} (%Ln unités) ; il ira dans le fichier d'ajustement de commandes une fois le reste de la commande expédié.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Cancels the %n unit(s) not yet shipped; they go into the order adjustment file.</source>
      <translation>
        <numerusform>Annule %Ln unité pas encore expédiée ; elle ira dans le fichier d'ajustement de commandes.</numerusform>
        <numerusform>Annule les %Ln unités pas encore expédiées ; elles iront dans le fichier d'ajustement de commandes.</numerusform>
      </translation>
    </message>
    <message>
      <source>This row repeats line {first}; remove one of them.</source>
      <translation>Cette ligne répète la ligne {first} ; supprimez l'une des deux.</translation>
    </message>
    <message>
      <source>{problem} (after line {earlier})</source>
      <translation>{problem} (après la ligne {earlier})</translation>
    </message>
    <message>
      <source>The file has a header but no cancellation rows; nothing to do.</source>
      <translation>Le fichier a un en-tête mais aucune ligne d'annulation ; rien à faire.</translation>
    </message>
    <message numerus="yes">
      <source>Nothing was cancelled: %n line(s) of the file cannot be applied.</source>
      <translation>
        <numerusform>Rien n'a été annulé : %Ln ligne du fichier ne peut pas être appliquée.</numerusform>
        <numerusform>Rien n'a été annulé : %Ln lignes du fichier ne peuvent pas être appliquées.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Cancellation file {file} applied: %n row(s); rows skipped: {skipped}.</source>
      <translation>
        <numerusform>Fichier d'annulation {file} appliqué : %Ln ligne ; lignes ignorées : {skipped}.</numerusform>
        <numerusform>Fichier d'annulation {file} appliqué : %Ln lignes ; lignes ignorées : {skipped}.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Cancellation file {file} applied: %n row(s).</source>
      <translation>
        <numerusform>Fichier d'annulation {file} appliqué : %Ln ligne.</numerusform>
        <numerusform>Fichier d'annulation {file} appliqué : %Ln lignes.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n cancellation(s) applied; lines skipped: {skipped}; counted in your cancellation rate: {counted}.</source>
      <translation>
        <numerusform>%Ln annulation appliquée ; lignes ignorées : {skipped} ; comptées dans votre taux d'annulations : {counted}.</numerusform>
        <numerusform>%Ln annulations appliquées ; lignes ignorées : {skipped} ; comptées dans votre taux d'annulations : {counted}.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>BulkCancelDialog</name>
    <message>
      <source>Line</source>
      <translation>Ligne</translation>
    </message>
    <message>
      <source>Order</source>
      <translation>Commande</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>Motif</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>Article</translation>
    </message>
    <message>
      <source>What will happen / why not</source>
      <translation>Ce qui va se passer / pourquoi c'est impossible</translation>
    </message>
    <message>
      <source>Cancellation rate</source>
      <translation>Taux d'annulations</translation>
    </message>
    <message>
      <source>Cancel orders from a file</source>
      <translation>Annuler des commandes depuis un fichier</translation>
    </message>
    <message>
      <source>Choose an order cancellation file (the Seller Central template, with or without its first line). SellerDesk shows what each line will do before anything is cancelled; the buyers are notified by e-mail once you apply.</source>
      <translation>Choisissez un fichier d'annulation de commandes (le modèle de Seller Central, avec ou sans sa première ligne). SellerDesk montre ce que fera chaque ligne avant toute annulation ; les acheteurs sont prévenus par e-mail une fois que vous appliquez.</translation>
    </message>
    <message>
      <source>No file chosen.</source>
      <translation>Aucun fichier choisi.</translation>
    </message>
    <message>
      <source>none: refuse those rows</source>
      <translation>aucun : refuser ces lignes</translation>
    </message>
    <message>
      <source>&amp;Reason for rows without one:</source>
      <translation>&amp;Motif des lignes qui n'en ont pas :</translation>
    </message>
    <message>
      <source>Choose an order cancellation file</source>
      <translation>Choisir un fichier d'annulation de commandes</translation>
    </message>
    <message>
      <source>Tab-separated text (*.txt *.tsv *.csv);;All files (*)</source>
      <translation>Texte séparé par des tabulations (*.txt *.tsv *.csv);;Tous les fichiers (*)</translation>
    </message>
    <message>
      <source>Checking {path}…</source>
      <translation>Vérification de {path}…</translation>
    </message>
    <message>
      <source>Lines checked: {done} of {total}</source>
      <translation>Lignes vérifiées : {done} sur {total}</translation>
    </message>
    <message numerus="yes">
      <source>%n line(s) can be applied; left out because they cannot: {invalid}. Cancellations counted in your cancellation rate: {counted}.</source>
      <translation>
        <numerusform>%Ln ligne peut être appliquée ; lignes écartées car inapplicables : {invalid}. Annulations comptées dans votre taux d'annulations : {counted}.</numerusform>
        <numerusform>%Ln lignes peuvent être appliquées ; lignes écartées car inapplicables : {invalid}. Annulations comptées dans votre taux d'annulations : {counted}.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Cancelling the orders of %n line(s)…</source>
      <translation>
        <numerusform>Annulation des commandes : %Ln ligne…</numerusform>
        <numerusform>Annulation des commandes : %Ln lignes…</numerusform>
      </translation>
    </message>
    <message>
      <source>Lines done: {done} of {total}</source>
      <translation>Lignes traitées : {done} sur {total}</translation>
    </message>
    <message>
      <source>Stop</source>
      <translation>Arrêter</translation>
    </message>
    <message>
      <source>&amp;Choose file…</source>
      <translation>C&amp;hoisir un fichier…</translation>
    </message>
    <message>
      <source>&amp;Apply all valid rows</source>
      <translation>&amp;Appliquer toutes les lignes valides</translation>
    </message>
    <message>
      <source>SellerDesk hit an unexpected problem; nothing was cancelled ({error}).</source>
      <translation>SellerDesk a rencontré un problème inattendu ; rien n'a été annulé ({error}).</translation>
    </message>
    <message>
      <source> Above the target: prefer asking buyers to request the cancellation.</source>
      <translation> Au-dessus de l'objectif : demandez plutôt aux acheteurs de faire la demande d'annulation.</translation>
    </message>
    <message numerus="yes">
      <source>&amp;Apply %n valid row(s)</source>
      <translation>
        <numerusform>&amp;Appliquer %Ln ligne valide</numerusform>
        <numerusform>&amp;Appliquer les %Ln lignes valides</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>&amp;Apply the %n row(s)</source>
      <translation>
        <numerusform>&amp;Appliquer %Ln ligne</numerusform>
        <numerusform>&amp;Appliquer les %Ln lignes</numerusform>
      </translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Fermer</translation>
    </message>
    <message>
      <source>Counts</source>
      <translation>Comptée</translation>
    </message>
    <message>
      <source>Does not count</source>
      <translation>Non comptée</translation>
    </message>
    <message>
      <source>whole order</source>
      <translation>commande entière</translation>
    </message>
  </context>
  <context>
    <name>CancelDialog</name>
    <message>
      <source>Cancel order — {order}</source>
      <translation>Annuler la commande — {order}</translation>
    </message>
    <message>
      <source>&amp;Reason:</source>
      <translation>&amp;Motif :</translation>
    </message>
    <message>
      <source>⚠ The buyer has not used Request cancellation, so this cancellation counts against you. Better: reply to the buyer and ask for the official request; the order stays as it is.</source>
      <translation>⚠ L'acheteur n'a pas utilisé « Demander une annulation » : cette annulation sera comptée dans votre taux d'annulations. Mieux vaut répondre à l'acheteur en lui demandant de soumettre une demande d'annulation officielle ; la commande reste telle quelle.</translation>
    </message>
    <message>
      <source>Co&amp;py the reply and keep the order</source>
      <translation>Co&amp;pier la réponse et garder la commande</translation>
    </message>
    <message>
      <source>Amazon updates the buyer's order and sends the buyer a notification e-mail. The cancellation goes into your next order cancellation file.</source>
      <translation>Amazon met à jour la commande de l'acheteur et lui envoie un e-mail de notification. L'annulation ira dans votre prochain fichier d'annulation de commandes.</translation>
    </message>
    <message numerus="yes">
      <source>Cancels the %n unit(s) not shipped yet; the buyer gets a notification e-mail. It goes into your order adjustment file once the rest is shipped.</source>
      <translation>
        <numerusform>Annule %Ln unité pas encore expédiée ; l'acheteur reçoit un e-mail de notification. L'annulation ira dans votre fichier d'ajustement de commandes une fois le reste expédié.</numerusform>
        <numerusform>Annule les %Ln unités pas encore expédiées ; l'acheteur reçoit un e-mail de notification. L'annulation ira dans votre fichier d'ajustement de commandes une fois le reste expédié.</numerusform>
      </translation>
    </message>
    <message>
      <source>Cancel the &amp;order</source>
      <translation>Annuler la &amp;commande</translation>
    </message>
    <message>
      <source>&amp;Keep the order</source>
      <translation>&amp;Garder la commande</translation>
    </message>
    <message>
      <source>Marketplace code: {code}</source>
      <translation>Code Amazon du motif : {code}</translation>
    </message>
  </context>
  <context>
    <name>CancelItemsDialog</name>
    <message>
      <source>Cancel items — {order}</source>
      <translation>Annuler des articles — {order}</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>Article</translation>
    </message>
    <message>
      <source>Product</source>
      <translation>Produit</translation>
    </message>
    <message>
      <source>Still to ship</source>
      <translation>Reste à expédier</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>Montant</translation>
    </message>
    <message>
      <source>&amp;Reason:</source>
      <translation>&amp;Motif :</translation>
    </message>
    <message>
      <source>The rest of the order stays to ship. The buyer gets a notification e-mail; the cancelled quantities go into your order adjustment file once the rest is shipped.</source>
      <translation>Le reste de la commande reste à expédier. L'acheteur reçoit un e-mail de notification ; les quantités annulées iront dans votre fichier d'ajustement de commandes une fois le reste expédié.</translation>
    </message>
    <message>
      <source>Cancel the &amp;chosen items</source>
      <translation>Annuler les articles &amp;choisis</translation>
    </message>
    <message>
      <source>&amp;Keep the items</source>
      <translation>&amp;Garder les articles</translation>
    </message>
    <message>
      <source>Choose how many units of which item to cancel.</source>
      <translation>Choisissez combien d'unités de quel article annuler.</translation>
    </message>
    <message>
      <source>Amount cancelled: {total}. The buyer is not charged for it.</source>
      <translation>Montant annulé : {total}. Il n'est pas facturé à l'acheteur.</translation>
    </message>
    <message>
      <source>Amount cancelled: nothing chosen yet.</source>
      <translation>Montant annulé : rien de choisi pour l'instant.</translation>
    </message>
  </context>
  <context>
    <name>Carrier</name>
    <message>
      <source>Choose a carrier.</source>
      <translation>Choisissez un transporteur.</translation>
    </message>
    <message>
      <source>With carrier Other, give the carrier's name.</source>
      <translation>Avec le transporteur Autre, indiquez le nom du transporteur.</translation>
    </message>
    <message>
      <source>A carrier name has at most 50 characters.</source>
      <translation>Le nom d'un transporteur compte au plus 50 caractères.</translation>
    </message>
  </context>
  <context>
    <name>Cli</name>
    <message>
      <source>--orders must be between 1 and {most}.</source>
      <translation>--orders doit être compris entre 1 et {most}.</translation>
    </message>
    <message>
      <source>--without-reason goes with a new export of cancellations only.</source>
      <translation>--without-reason ne s’emploie qu’avec un nouvel export des annulations.</translation>
    </message>
    <message>
      <source>--batch must be 1 or more.</source>
      <translation>--batch doit valoir 1 ou plus.</translation>
    </message>
    <message>
      <source>There is no batch {batch} in this database.</source>
      <translation>Il n'y a pas de lot {batch} dans cette base de données.</translation>
    </message>
    <message>
      <source>{raw!r} is not a date: use YYYY-MM-DD.</source>
      <translation>{raw!r} n'est pas une date : écrivez AAAA-MM-JJ.</translation>
    </message>
    <message>
      <source>--days must be 1 or more.</source>
      <translation>--days doit valoir 1 ou plus.</translation>
    </message>
    <message>
      <source>--days must be {most} or less.</source>
      <translation>--days doit valoir au plus {most}.</translation>
    </message>
    <message>
      <source>Give either --full or amounts per component, not both.</source>
      <translation>Indiquez soit --full, soit des montants par composante, pas les deux.</translation>
    </message>
    <message>
      <source>Say what to refund: --item-price, --item-tax, --shipping, --shipping-tax (an amount or N%), or --full for everything still refundable.</source>
      <translation>Indiquez quoi rembourser : --item-price, --item-tax, --shipping, --shipping-tax (un montant ou N%), ou --full pour tout ce qui reste remboursable.</translation>
    </message>
    <message>
      <source>Amounts apply to one item: name one --item, or use --full for several.</source>
      <translation>Les montants portent sur un seul article : nommez un --item, ou utilisez --full pour plusieurs.</translation>
    </message>
    <message>
      <source>With several items give the restocking fee as a percentage (e.g. 20%), or refund the items one at a time.</source>
      <translation>Avec plusieurs articles, donnez les frais de restockage en pourcentage (par ex. 20 %), ou remboursez les articles un par un.</translation>
    </message>
    <message>
      <source>{option} {raw!r} is not a date from 2000 to 2100: use YYYY-MM-DD.</source>
      <translation>{option} {raw!r} n'est pas une date entre 2000 et 2100 : utilisez AAAA-MM-JJ.</translation>
    </message>
    <message>
      <source>The folder {folder} does not exist.</source>
      <translation>Le dossier {folder} n'existe pas.</translation>
    </message>
    <message>
      <source>Give the client id, client secret and refresh token on standard input, one per line, or in SELLERDESK_LWA_CLIENT_ID, SELLERDESK_LWA_CLIENT_SECRET and SELLERDESK_LWA_REFRESH_TOKEN.</source>
      <translation>Donnez l'identifiant client, le secret client et le jeton d'actualisation sur l'entrée standard, un par ligne, ou dans SELLERDESK_LWA_CLIENT_ID, SELLERDESK_LWA_CLIENT_SECRET et SELLERDESK_LWA_REFRESH_TOKEN.</translation>
    </message>
    <message>
      <source>Name a refused line as BATCH:LINE, e.g. 12:3, not {given}.</source>
      <translation>Indiquez une ligne refusée sous la forme LOT :LIGNE, par ex. 12:3, et non {given}.</translation>
    </message>
    <message>
      <source>{raw!r} is not a date or time from 2000 to 2100: use 2026-11-20 or 2026-11-20T12:00:00Z.</source>
      <translation>{raw!r} n'est pas une date ou une heure entre 2000 et 2100 : utilisez 2026-11-20 ou 2026-11-20T12:00:00Z.</translation>
    </message>
  </context>
  <context>
    <name>Condition</name>
    <message>
      <source>new</source>
      <translation>neuf</translation>
    </message>
    <message>
      <source>late</source>
      <translation>tardif</translation>
    </message>
    <message>
      <source>opened</source>
      <translation>ouvert</translation>
    </message>
    <message>
      <source>used</source>
      <translation>utilisé</translation>
    </message>
    <message>
      <source>damaged</source>
      <translation>endommagé</translation>
    </message>
  </context>
  <context>
    <name>ConnectionSettingsPage</name>
    <message>
      <source> min</source>
      <translation> min</translation>
    </message>
    <message>
      <source>stored: leave empty to keep it</source>
      <translation>enregistré : laissez vide pour le garder</translation>
    </message>
    <message>
      <source>&amp;Region:</source>
      <translation>&amp;Région :</translation>
    </message>
    <message>
      <source>Market&amp;places you sell on:</source>
      <translation>&amp;Places de marché où vous vendez :</translation>
    </message>
    <message>
      <source>S&amp;ync while open, every:</source>
      <translation>S&amp;ynchroniser, fenêtre ouverte, toutes les :</translation>
    </message>
    <message>
      <source>Client &amp;id:</source>
      <translation>&amp;Identifiant client :</translation>
    </message>
    <message>
      <source>Client s&amp;ecret:</source>
      <translation>S&amp;ecret client :</translation>
    </message>
    <message>
      <source>Refresh t&amp;oken:</source>
      <translation>Jeton d'a&amp;ctualisation :</translation>
    </message>
    <message>
      <source>Te&amp;st connection</source>
      <translation>Te&amp;ster la connexion</translation>
    </message>
    <message>
      <source>The client secret and refresh token go to your system's keyring, never into SellerDesk's database or settings.</source>
      <translation>Le secret client et le jeton d'actualisation vont dans le trousseau de votre système, jamais dans la base ni les réglages de SellerDesk.</translation>
    </message>
    <message>
      <source>No system keyring is available: the credentials are kept for this run only and asked again next time.</source>
      <translation>Aucun trousseau système n'est disponible : les identifiants sont gardés pour cette session seulement et redemandés la prochaine fois.</translation>
    </message>
    <message>
      <source>Trying Seller Central…</source>
      <translation>Essai de Seller Central…</translation>
    </message>
    <message>
      <source>The test failed unexpectedly ({error}).</source>
      <translation>Le test a échoué de façon inattendue ({error}).</translation>
    </message>
  </context>
  <context>
    <name>Database</name>
    <message>
      <source>The database is busy in another SellerDesk window or program. Close it and try again; nothing was changed.</source>
      <translation>La base de données est occupée par une autre fenêtre de SellerDesk ou un autre programme. Fermez-la et réessayez ; rien n'a été modifié.</translation>
    </message>
    <message>
      <source>Another SellerDesk window or program added the same orders at the same moment. Try again; nothing was changed.</source>
      <translation>Une autre fenêtre SellerDesk ou un autre programme a ajouté les mêmes commandes au même moment. Réessayez ; rien n'a été modifié.</translation>
    </message>
    <message>
      <source>The database file is damaged or is not a SellerDesk database. Restore a backup or choose another file; nothing was changed.</source>
      <translation>Le fichier de base de données est endommagé ou n'est pas une base SellerDesk. Restaurez une sauvegarde ou choisissez un autre fichier ; rien n'a été modifié.</translation>
    </message>
    <message>
      <source>The database cannot be written (disk full or read-only). Free some space or check the folder's permissions; nothing was changed.</source>
      <translation>Impossible d'écrire dans la base de données (disque plein ou en lecture seule). Libérez de l'espace ou vérifiez les droits du dossier ; rien n'a été modifié.</translation>
    </message>
    <message>
      <source>The database could not be used ({detail}); nothing was changed.</source>
      <translation>La base de données n'a pas pu être utilisée ({detail}) ; rien n'a été modifié.</translation>
    </message>
    <message>
      <source>This order was changed elsewhere in the meantime. Reload it and try again; nothing was changed.</source>
      <translation>Cette commande a été modifiée ailleurs entre-temps. Rechargez-la et réessayez ; rien n'a été modifié.</translation>
    </message>
    <message>
      <source>SellerDesk could not upgrade this database ({detail}); it was left as it was. Your orders as they were before the upgrade are in the backup {backup}: to go back to it, close SellerDesk and run: {command}</source>
      <translation>SellerDesk n'a pas pu mettre à niveau cette base de données ({detail}) ; elle est restée telle quelle. Vos commandes telles qu'elles étaient avant la mise à niveau se trouvent dans la sauvegarde {backup} : pour y revenir, fermez SellerDesk et lancez : {command}</translation>
    </message>
    <message>
      <source>This database was written by a newer SellerDesk. Update SellerDesk to open it; nothing was changed.</source>
      <translation>Cette base a été écrite par une version plus récente de SellerDesk. Mettez SellerDesk à jour pour l'ouvrir ; rien n'a été modifié.</translation>
    </message>
    <message>
      <source>This file holds another program's database, not SellerDesk's; nothing was changed.</source>
      <translation>Ce fichier contient la base de données d'un autre programme, pas celle de SellerDesk ; rien n'a été modifié.</translation>
    </message>
    <message>
      <source>{path} cannot be used as a database file ({reason}); nothing was changed.</source>
      <translation>{path} ne peut pas servir de fichier de base de données ({reason}) ; rien n'a été modifié.</translation>
    </message>
    <message>
      <source>{path} is not a SellerDesk database (it is not even an SQLite file); nothing was changed.</source>
      <translation>{path} n'est pas une base SellerDesk (ce n'est même pas un fichier SQLite) ; rien n'a été modifié.</translation>
    </message>
    <message>
      <source>Cannot use the database {url}: {detail}</source>
      <translation>Impossible d'utiliser la base de données {url} : {detail}</translation>
    </message>
    <message>
      <source>Cannot make the backup {path}: the disk is full. Free some space and try again; nothing was changed.</source>
      <translation>Impossible de faire la sauvegarde {path} : le disque est plein. Libérez de la place et réessayez ; rien n'a été modifié.</translation>
    </message>
    <message>
      <source>Cannot make the backup {path} ({detail}); nothing was changed.</source>
      <translation>Impossible de faire la sauvegarde {path} ({detail}) ; rien n'a été modifié.</translation>
    </message>
  </context>
  <context>
    <name>Deadline</name>
    <message>
      <source>auto-cancel due now</source>
      <translation>annulation automatique imminente</translation>
    </message>
    <message>
      <source>auto-cancel now</source>
      <translation>annul. auto ce jour</translation>
    </message>
    <message>
      <source>auto-cancel in {days} d</source>
      <translation>annul. auto dans {days} j</translation>
    </message>
    <message>
      <source>late {days} d</source>
      <translation>retard {days} j</translation>
    </message>
    <message>
      <source>late</source>
      <translation>en retard</translation>
    </message>
    <message numerus="yes">
      <source>auto-cancel in %n day(s)</source>
      <translation>
        <numerusform>annulation automatique dans %Ln jour</numerusform>
        <numerusform>annulation automatique dans %Ln jours</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>late by %n day(s)</source>
      <translation>
        <numerusform>%Ln jour de retard</numerusform>
        <numerusform>%Ln jours de retard</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n day(s) past the ship-by date. Amazon may cancel this order automatically 7 days after that date; ship it or cancel it now.</source>
      <translation>
        <numerusform>Date limite d'expédition dépassée de %Ln jour. Amazon peut annuler cette commande automatiquement 7 jours après cette date ; expédiez-la ou annulez-la dès maintenant.</numerusform>
        <numerusform>Date limite d'expédition dépassée de %Ln jours. Amazon peut annuler cette commande automatiquement 7 jours après cette date ; expédiez-la ou annulez-la dès maintenant.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Past the ship-by date: ship it now. Amazon may cancel it automatically in %n day(s).</source>
      <translation>
        <numerusform>Date limite d'expédition dépassée : expédiez-la maintenant. Amazon peut l'annuler automatiquement dans %Ln jour.</numerusform>
        <numerusform>Date limite d'expédition dépassée : expédiez-la maintenant. Amazon peut l'annuler automatiquement dans %Ln jours.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Demo</name>
    <message>
      <source>Order received from the marketplace.</source>
      <translation>Commande reçue d'Amazon.</translation>
    </message>
    <message>
      <source>Buyer requested cancellation through the marketplace: {reason}.</source>
      <translation>L'acheteur a demandé l'annulation sur Amazon : {reason}.</translation>
    </message>
    <message>
      <source>Buyer asked by message to cancel: « {message} »</source>
      <translation>L'acheteur a demandé l'annulation par message : « {message} »</translation>
    </message>
  </context>
  <context>
    <name>DetailsPane</name>
    <message>
      <source>Select an order to see its items, buyer and history.</source>
      <translation>Sélectionnez une commande pour voir ses articles, son acheteur et son historique.</translation>
    </message>
    <message>
      <source>The buyer asked to cancel by message only. Cancelling now counts in your cancellation rate: ask the buyer to use Request cancellation instead.</source>
      <translation>L'acheteur a demandé l'annulation par message seulement. Annuler maintenant compte dans votre taux d'annulations : demandez plutôt à l'acheteur d'utiliser « Demander une annulation ».</translation>
    </message>
    <message>
      <source>Reply to the buyer…</source>
      <translation>Répondre à l'acheteur…</translation>
    </message>
    <message>
      <source>Opens the S5 message asking the buyer to use Request cancellation.</source>
      <translation>Ouvre le message S5 qui demande à l'acheteur d'utiliser « Demander une annulation ».</translation>
    </message>
    <message>
      <source>⚑ Buyer requested cancellation</source>
      <translation>⚑ Annulation demandée par l'acheteur</translation>
    </message>
    <message>
      <source>cancelled on the marketplace</source>
      <translation>annulée sur Amazon</translation>
    </message>
    <message>
      <source>Purchased</source>
      <translation>Achetée le</translation>
    </message>
    <message>
      <source>Ship by</source>
      <translation>À expédier avant le</translation>
    </message>
    <message>
      <source>Total</source>
      <translation>Total</translation>
    </message>
    <message>
      <source>Buyer's reason</source>
      <translation>Motif de l'acheteur</translation>
    </message>
    <message>
      <source>{action}: available</source>
      <translation>{action} : possible</translation>
    </message>
    <message>
      <source>{action}: not available — {why}</source>
      <translation>{action} : impossible — {why}</translation>
    </message>
    <message>
      <source>price {price} · tax {tax} · shipping {shipping}</source>
      <translation>prix {price} · taxe {tax} · livraison {shipping}</translation>
    </message>
    <message>
      <source>{quantity} ordered · {shipped} shipped · {cancelled} cancelled · {open} to ship</source>
      <translation>commandés : {quantity} · expédiés : {shipped} · annulés : {cancelled} · à expédier : {open}</translation>
    </message>
    <message>
      <source>charged {charged} · cancelled {cancelled} · refunded {refunded} · net {net}</source>
      <translation>facturé {charged} · annulé {cancelled} · remboursé {refunded} · net {net}</translation>
    </message>
    <message>
      <source>(restocking fees kept: {fees})</source>
      <translation>(frais de restockage retenus : {fees})</translation>
    </message>
    <message>
      <source>Charged</source>
      <translation>Facturé</translation>
    </message>
    <message>
      <source>Cancelled</source>
      <translation>Annulé</translation>
    </message>
    <message>
      <source>Refunded</source>
      <translation>Remboursé</translation>
    </message>
    <message>
      <source>Net</source>
      <translation>Net</translation>
    </message>
    <message>
      <source>Charged: the shipped units. Net: charged less refunded.</source>
      <translation>Facturé : les unités expédiées. Net : facturé moins remboursé.</translation>
    </message>
    <message>
      <source>Money</source>
      <translation>Montants</translation>
    </message>
    <message>
      <source>{item}: {amount} minus restocking fee {fee}</source>
      <translation>{item} : {amount} moins {fee} de frais de restockage</translation>
    </message>
    <message>
      <source>{item}: {amount}</source>
      <translation>{item} : {amount}</translation>
    </message>
    <message>
      <source>{date} · {amount} · {reason}</source>
      <translation>{date} · {amount} · {reason}</translation>
    </message>
    <message>
      <source>Refunds</source>
      <translation>Remboursements</translation>
    </message>
    <message>
      <source>{sku} “{title}”</source>
      <translation>{sku} « {title} »</translation>
    </message>
    <message>
      <source>Reply to a buyer who writes: contact Amazon customer service…</source>
      <translation>Répondre à un acheteur qui vous écrit : contacter le Service client Amazon…</translation>
    </message>
    <message>
      <source>Wrong address? {why}</source>
      <translation>Adresse erronée ? {why}</translation>
    </message>
    <message>
      <source>Ask the buyer to cancel and order again…</source>
      <translation>Demander à l'acheteur d'annuler et de repasser commande…</translation>
    </message>
    <message>
      <source>Tell the buyer the order is cancelled…</source>
      <translation>Informer l'acheteur de l'annulation de la commande…</translation>
    </message>
    <message>
      <source>tracking {number}</source>
      <translation>suivi {number}</translation>
    </message>
    <message>
      <source>no tracking number</source>
      <translation>pas de numéro de suivi</translation>
    </message>
    <message>
      <source>counts in your cancellation rate</source>
      <translation>compte dans votre taux d'annulations</translation>
    </message>
    <message>
      <source>does not count in your rate</source>
      <translation>ne compte pas dans votre taux</translation>
    </message>
    <message>
      <source>{units}: {amount}</source>
      <translation>{units} : {amount}</translation>
    </message>
    <message>
      <source>Nothing done in SellerDesk yet.</source>
      <translation>Rien n'a encore été fait dans SellerDesk.</translation>
    </message>
    <message>
      <source>seller</source>
      <translation>vendeur</translation>
    </message>
    <message>
      <source>marketplace</source>
      <translation>Amazon</translation>
    </message>
    <message>
      <source>buyer</source>
      <translation>acheteur</translation>
    </message>
    <message>
      <source>import</source>
      <translation>import</translation>
    </message>
    <message>
      <source>What you can do</source>
      <translation>Ce que vous pouvez faire</translation>
    </message>
    <message>
      <source>Items</source>
      <translation>Articles</translation>
    </message>
    <message>
      <source>Buyer and address</source>
      <translation>Acheteur et adresse</translation>
    </message>
    <message>
      <source>Shipments</source>
      <translation>Expéditions</translation>
    </message>
    <message>
      <source>Cancellations</source>
      <translation>Annulations</translation>
    </message>
    <message>
      <source>Timeline</source>
      <translation>Historique</translation>
    </message>
  </context>
  <context>
    <name>ErrorReport</name>
    <message>
      <source>Something went wrong in SellerDesk. Nothing was saved from the last action, and your orders are as they were. The details are in {log}; please send that file with a description of what you were doing.</source>
      <translation>Un problème est survenu dans SellerDesk. Rien n'a été enregistré de la dernière action et vos commandes sont restées telles quelles. Les détails se trouvent dans {log} ; envoyez ce fichier avec une description de ce que vous faisiez.</translation>
    </message>
    <message>
      <source>SellerDesk</source>
      <translation>SellerDesk</translation>
    </message>
  </context>
  <context>
    <name>ExportDialog</name>
    <message>
      <source>Export upload files</source>
      <translation>Exporter les fichiers à charger</translation>
    </message>
    <message>
      <source>Cancellations: whole orders you cancelled. Adjustments: refunds and cancelled items of shipped orders. Shipments: your shipment confirmations.</source>
      <translation>Annulations : les commandes entières que vous avez annulées. Ajustements : les remboursements et les articles annulés des commandes expédiées. Expéditions : vos confirmations d'expédition.</translation>
    </message>
    <message>
      <source>Batches already written</source>
      <translation>Lots déjà écrits</translation>
    </message>
    <message>
      <source>Batch</source>
      <translation>Lot</translation>
    </message>
    <message>
      <source>File type</source>
      <translation>Type de fichier</translation>
    </message>
    <message>
      <source>Written</source>
      <translation>Écrit le</translation>
    </message>
    <message>
      <source>Rows</source>
      <translation>Lignes</translation>
    </message>
    <message>
      <source>Seller Central</source>
      <translation>Seller Central</translation>
    </message>
    <message>
      <source>Saved as</source>
      <translation>Enregistré sous</translation>
    </message>
    <message>
      <source>Writes the same file as the first time, for example if the upload failed.</source>
      <translation>Écrit le même fichier que la première fois, par exemple si le chargement a échoué.</translation>
    </message>
    <message>
      <source>Reading the rows not yet exported…</source>
      <translation>Lecture des lignes pas encore exportées…</translation>
    </message>
    <message>
      <source>Writes the batch as Save does and sends it through your Seller Central connection; its state shows below.</source>
      <translation>Écrit le lot comme Enregistrer puis l'envoie par votre connexion à Seller Central ; son état s'affiche en dessous.</translation>
    </message>
    <message>
      <source>SellerDesk hit an unexpected problem ({error}).</source>
      <translation>SellerDesk a rencontré un problème inattendu ({error}).</translation>
    </message>
    <message numerus="yes">
      <source>%n new row(s) not yet in any file. Save, then upload the file in Seller Central.</source>
      <translation>
        <numerusform>%Ln nouvelle ligne n'est encore dans aucun fichier. Enregistrez-la, puis chargez le fichier dans Seller Central.</numerusform>
        <numerusform>%Ln nouvelles lignes ne sont encore dans aucun fichier. Enregistrez-les, puis chargez le fichier dans Seller Central.</numerusform>
      </translation>
    </message>
    <message>
      <source>file only</source>
      <translation>fichier seulement</translation>
    </message>
    <message numerus="yes">
      <source>Writing %n row(s)…</source>
      <translation>
        <numerusform>Écriture de %Ln ligne…</numerusform>
        <numerusform>Écriture de %Ln lignes…</numerusform>
      </translation>
    </message>
    <message>
      <source>Batch {batch}: {state}.</source>
      <translation>Lot {batch} : {state}.</translation>
    </message>
    <message>
      <source>Nothing can be exported yet: what is held back, and why, is below.</source>
      <translation>Rien ne peut encore être exporté : ce qui est retenu, et pourquoi, figure ci-dessous.</translation>
    </message>
    <message>
      <source>&amp;Save…</source>
      <translation>&amp;Enregistrer…</translation>
    </message>
    <message>
      <source>Se&amp;nd to Seller Central</source>
      <translation>En&amp;voyer à Seller Central</translation>
    </message>
    <message>
      <source>&amp;Write this batch again…</source>
      <translation>&amp;Réécrire ce lot…</translation>
    </message>
    <message>
      <source>No batch written yet: each file you save is listed here, to write it again if an upload fails.</source>
      <translation>Aucun lot écrit pour l'instant : chaque fichier enregistré s'affiche ici, pour le réécrire si un envoi échoue.</translation>
    </message>
    <message>
      <source>&amp;File type:</source>
      <translation>&amp;Type de fichier :</translation>
    </message>
    <message>
      <source>Nothing new to export in this file type: every row is already in a batch.</source>
      <translation>Rien de nouveau à exporter pour ce type de fichier : chaque ligne est déjà dans un lot.</translation>
    </message>
    <message>
      <source>No cancellation to export yet: when you cancel a whole order, its rows appear here to save and upload.</source>
      <translation>Aucune annulation à exporter pour l'instant : quand vous annulez une commande entière, ses lignes apparaissent ici pour être enregistrées et envoyées.</translation>
    </message>
    <message>
      <source>No refund to export yet: refunds, and items cancelled from orders since shipped, appear here to save and upload.</source>
      <translation>Aucun remboursement à exporter pour l'instant : les remboursements, et les articles annulés de commandes expédiées depuis, apparaissent ici pour être enregistrés et envoyés.</translation>
    </message>
    <message>
      <source>No shipment to export yet: when you confirm a shipment, its rows appear here to save and upload.</source>
      <translation>Aucune expédition à exporter pour l'instant : quand vous confirmez une expédition, ses lignes apparaissent ici pour être enregistrées et envoyées.</translation>
    </message>
    <message>
      <source>Save upload file</source>
      <translation>Enregistrer le fichier à charger</translation>
    </message>
    <message>
      <source>Tab-separated text (*.txt);;All files (*)</source>
      <translation>Texte séparé par des tabulations (*.txt);;Tous les fichiers (*)</translation>
    </message>
  </context>
  <context>
    <name>Exports</name>
    <message>
      <source>order cancellation file</source>
      <translation>fichier d'annulation de commandes</translation>
    </message>
    <message>
      <source>order adjustment file</source>
      <translation>fichier d'ajustement de commandes</translation>
    </message>
    <message>
      <source>shipping confirmation file</source>
      <translation>fichier de confirmation d'expédition</translation>
    </message>
    <message>
      <source>Held back: the cancellation of order {order_id}: item {sku} has no order-item id yet, and the marketplace takes a reason only with the item code. Import the unshipped orders report or the order report that lists it, then export again; or send it without its reason (export cancellations --without-reason {order_id}), which may count in your cancellation rate.</source>
      <translation>Retenue : l’annulation de la commande {order_id} : l’article {sku} n’a pas encore d’identifiant d’article de commande, et Amazon n’accepte un motif qu’avec le code de l’article. Importez le rapport sur les commandes non expédiées ou le rapport sur les commandes qui le contient, puis exportez à nouveau ; ou envoyez-la sans son motif (export cancellations --without-reason {order_id}), ce qui peut compter dans votre taux d’annulations.</translation>
    </message>
    <message>
      <source>Order {order_id} goes without its reason {reason}: the marketplace records no reason, so this cancellation may count in your cancellation rate.</source>
      <translation>La commande {order_id} part sans son motif {reason} : Amazon n’enregistre aucun motif, cette annulation peut donc compter dans votre taux d’annulations.</translation>
    </message>
    <message>
      <source>No cancellation of {orders} waits to be exported: --without-reason names orders whose cancellation is held back for want of item codes. Nothing was exported.</source>
      <translation>Aucune annulation de {orders} n’attend d’être exportée : --without-reason désigne les commandes dont l’annulation est retenue faute de codes d’articles. Rien n’a été exporté.</translation>
    </message>
    <message>
      <source>Held back: the shipment of order {order_id} sends only some of its items, and item {sku} has no order-item id yet: a split shipment must name its items. Import the unshipped orders report or the order report that lists it, then export again.</source>
      <translation>Retenue : l’expédition de la commande {order_id} n’envoie qu’une partie de ses articles, et l’article {sku} n’a pas encore d’identifiant d’article de commande : une expédition partielle doit nommer ses articles. Importez le rapport sur les commandes non expédiées ou le rapport sur les commandes qui le contient, puis exportez à nouveau.</translation>
    </message>
    <message>
      <source>Held back: the refund of order {order_id}, item {item}: after the restocking fee it gives the buyer {net}, and an adjustment row must be a credit to the buyer.</source>
      <translation>Retenu : le remboursement de la commande {order_id}, article {item} : après déduction des frais de restockage, l'acheteur recevrait {net}, alors qu'une ligne d'ajustement doit être un crédit en faveur de l'acheteur.</translation>
    </message>
    <message>
      <source>Held back: the refund of order {order_id}: item {sku} has no order-item id yet and the file cannot name it by SKU. Import an order report that lists it, then export again.</source>
      <translation>Retenu : le remboursement de la commande {order_id} : l’article {sku} n’a pas encore d’identifiant d’article de commande et le fichier ne peut pas le désigner par son SKU. Importez un rapport sur les commandes qui le contient, puis exportez à nouveau.</translation>
    </message>
    <message>
      <source>Held back: the partial cancellation of order {order_id}: item {sku} has no order-item id yet and the file cannot name it by SKU. Import an order report that lists it, then export again.</source>
      <translation>Retenue : l’annulation partielle de la commande {order_id} : l’article {sku} n’a pas encore d’identifiant d’article de commande et le fichier ne peut pas le désigner par son SKU. Importez un rapport sur les commandes qui le contient, puis exportez à nouveau.</translation>
    </message>
    <message>
      <source>Held back: the refund of order {order_id}: the order has no currency yet. Import the order report with prices, then export again.</source>
      <translation>Retenu : le remboursement de la commande {order_id} : la commande n’a pas encore de devise. Importez le rapport sur les commandes avec les prix, puis exportez à nouveau.</translation>
    </message>
    <message>
      <source>Held back: the partial cancellation of order {order_id}: the order has no currency yet. Import the order report with prices, then export again.</source>
      <translation>Retenue : l’annulation partielle de la commande {order_id} : la commande n’a pas encore de devise. Importez le rapport sur les commandes avec les prix, puis exportez à nouveau.</translation>
    </message>
    <message>
      <source>There is no batch {batch} in this database.</source>
      <translation>Il n'y a pas de lot {batch} dans cette base de données.</translation>
    </message>
    <message>
      <source>Batch {batch} holds the {actual}, not the {wanted}.</source>
      <translation>Le lot {batch} correspond au {actual}, pas au {wanted}.</translation>
    </message>
    <message>
      <source>Nothing new for the {label}: no file was written.</source>
      <translation>Rien de nouveau pour le {label} : aucun fichier n'a été écrit.</translation>
    </message>
    <message numerus="yes">
      <source>Batch {batch}: {file} with %n row(s) written to {path}.</source>
      <translation>
        <numerusform>Lot {batch} : {file} de %Ln ligne écrit dans {path}.</numerusform>
        <numerusform>Lot {batch} : {file} de %Ln lignes écrit dans {path}.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Batch {batch}: %n row(s) written to {path}. Upload this file in Seller Central.</source>
      <translation>
        <numerusform>Lot {batch} : %Ln ligne écrite dans {path}. Chargez ce fichier dans Seller Central.</numerusform>
        <numerusform>Lot {batch} : %Ln lignes écrites dans {path}. Chargez ce fichier dans Seller Central.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Batch {batch} written again to {path} (%n row(s)).</source>
      <translation>
        <numerusform>Lot {batch} réécrit dans {path} (%Ln ligne).</numerusform>
        <numerusform>Lot {batch} réécrit dans {path} (%Ln lignes).</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Files</name>
    <message>
      <source>Cannot write {path}: {detail}. Nothing was written.</source>
      <translation>Impossible d'écrire {path} : {detail}. Rien n'a été écrit.</translation>
    </message>
    <message>
      <source>Name the file to write; nothing was written.</source>
      <translation>Indiquez le fichier à écrire ; rien n'a été écrit.</translation>
    </message>
    <message>
      <source>it is a symbolic link; name the real file</source>
      <translation>c'est un lien symbolique ; indiquez le vrai fichier</translation>
    </message>
    <message>
      <source>it is a folder; name a file inside it</source>
      <translation>c'est un dossier ; indiquez un fichier à l'intérieur</translation>
    </message>
    <message>
      <source>it is a device or a special file, not a regular file</source>
      <translation>c'est un périphérique ou un fichier spécial, pas un fichier ordinaire</translation>
    </message>
    <message>
      <source>it is larger than {limit} MB; split it into smaller files</source>
      <translation>il dépasse {limit} Mo ; découpez-le en fichiers plus petits</translation>
    </message>
    <message>
      <source>there is no such file</source>
      <translation>ce fichier n'existe pas</translation>
    </message>
    <message>
      <source>Cannot read {path}: {detail}. Nothing was changed.</source>
      <translation>Impossible de lire {path} : {detail}. Rien n'a été modifié.</translation>
    </message>
    <message>
      <source>the disk is full</source>
      <translation>le disque est plein</translation>
    </message>
  </context>
  <context>
    <name>FilterList</name>
    <message>
      <source>Account health</source>
      <translation>Performances du compte</translation>
    </message>
    <message>
      <source>Your cancellation rate, late shipments, orders at risk of auto-cancellation and refunds due (Ctrl+H)</source>
      <translation>Votre taux d'annulations, les expéditions en retard, les commandes menacées d'annulation automatique et les remboursements dus (Ctrl+H)</translation>
    </message>
  </context>
  <context>
    <name>FlatFiles</name>
    <message>
      <source>Line {line}: this file's template is {kind}; it needs TemplateType={expected}. Nothing was read.</source>
      <translation>Ligne {line} : le modèle de ce fichier est {kind} ; il faut TemplateType={expected}. Rien n'a été lu.</translation>
    </message>
    <message>
      <source>The file is empty: it has no header line.</source>
      <translation>Le fichier est vide : il n'a pas de ligne d'en-tête.</translation>
    </message>
    <message>
      <source>Line {line}: the header line cannot be read. Save the file as UTF-8 and try again.</source>
      <translation>Ligne {line} : la ligne d'en-tête est illisible. Enregistrez le fichier en UTF-8 et réessayez.</translation>
    </message>
    <message numerus="yes">
      <source>Line {line}: the header lacks %n column(s): {missing}; nothing was read.</source>
      <translation>
        <numerusform>Ligne {line} : il manque %Ln colonne à l'en-tête : {missing} ; rien n'a été lu.</numerusform>
        <numerusform>Ligne {line} : il manque %Ln colonnes à l'en-tête : {missing} ; rien n'a été lu.</numerusform>
      </translation>
    </message>
    <message>
      <source>Line {line} is not written in UTF-8 like the rest of the file (mixed encodings); save the file as UTF-8 and open it again.</source>
      <translation>La ligne {line} n'est pas en UTF-8 comme le reste du fichier (encodages mélangés) ; enregistrez le fichier en UTF-8 et rouvrez-le.</translation>
    </message>
  </context>
  <context>
    <name>Fulfilment</name>
    <message>
      <source>Fulfilled by Amazon</source>
      <translation>Expédié par Amazon</translation>
    </message>
    <message>
      <source>by Amazon</source>
      <translation>par Amazon</translation>
    </message>
    <message>
      <source>Amazon ships this order from its own warehouse and handles its cancellation, returns and refunds: it is shown here to read only.</source>
      <translation>Amazon expédie cette commande depuis son propre entrepôt et se charge de son annulation, de ses retours et de ses remboursements : elle n'est affichée ici qu'en lecture.</translation>
    </message>
  </context>
  <context>
    <name>GeneralPage</name>
    <message>
      <source>e.g. Atelier Lin &amp; Co</source>
      <translation>par ex. Atelier Lin &amp; Cie</translation>
    </message>
    <message>
      <source>System language</source>
      <translation>Langue du système</translation>
    </message>
    <message>
      <source>Shop &amp;name:</source>
      <translation>&amp;Nom de la boutique :</translation>
    </message>
    <message>
      <source>&amp;Language:</source>
      <translation>&amp;Langue :</translation>
    </message>
    <message>
      <source>Printed on cancellation summaries and signing your buyer messages.</source>
      <translation>Imprimé sur les récapitulatifs d'annulation et en signature de vos messages aux acheteurs.</translation>
    </message>
    <message>
      <source>Restocking-fee ceilings, % of the item price</source>
      <translation>Plafonds des frais de restockage, en % du prix de l'article</translation>
    </message>
    <message>
      <source>&amp;{number} {condition}:</source>
      <translation>&amp;{number} {condition} :</translation>
    </message>
    <message>
      <source>Parcel brought back by the carrier (S16)</source>
      <translation>Colis retourné par le transporteur (S16)</translation>
    </message>
    <message>
      <source>Wrong address or buyer unreachable: a fee is allowed even on an unopened parcel, up to this share whatever its condition.</source>
      <translation>Adresse erronée ou acheteur injoignable : des frais sont permis même sur un colis non ouvert, jusqu'à cette part quel que soit son état.</translation>
    </message>
    <message>
      <source>&amp;Any condition:</source>
      <translation>&amp;Tout état :</translation>
    </message>
    <message>
      <source>&amp;Damaged:</source>
      <translation>En&amp;dommagé :</translation>
    </message>
  </context>
  <context>
    <name>Health</name>
    <message>
      <source>Not counted: the buyer requested the cancellation officially.</source>
      <translation>Non comptée : l'acheteur a demandé l'annulation officiellement.</translation>
    </message>
    <message>
      <source>Not counted here: cancelled on the marketplace, initiator unknown.</source>
      <translation>Non comptée ici : annulée sur Amazon, sans savoir à l'initiative de qui.</translation>
    </message>
    <message>
      <source>Not counted in the cancellation rate.</source>
      <translation>Non comptée dans le taux d'annulations.</translation>
    </message>
    <message>
      <source>Counted: the buyer asked only by message, without the official request.</source>
      <translation>Comptée : l'acheteur l'a demandée uniquement par message, sans la demande officielle.</translation>
    </message>
    <message>
      <source>Counted: cancelled by the seller.</source>
      <translation>Comptée : annulée par le vendeur.</translation>
    </message>
    <message>
      <source>Counted in the cancellation rate.</source>
      <translation>Comptée dans le taux d'annulations.</translation>
    </message>
  </context>
  <context>
    <name>HealthPage</name>
    <message>
      <source>Refresh</source>
      <translation>Actualiser</translation>
    </message>
    <message>
      <source>Account health</source>
      <translation>Performances du compte</translation>
    </message>
    <message>
      <source>Order</source>
      <translation>Commande</translation>
    </message>
    <message>
      <source>Cancelled on</source>
      <translation>Annulée le</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>Motif</translation>
    </message>
    <message>
      <source>Why</source>
      <translation>Pourquoi</translation>
    </message>
    <message>
      <source>Purchased on</source>
      <translation>Achetée le</translation>
    </message>
    <message>
      <source>Ship by</source>
      <translation>À expédier avant le</translation>
    </message>
    <message>
      <source>Days late</source>
      <translation>Jours de retard</translation>
    </message>
    <message>
      <source>Days left</source>
      <translation>Jours restants</translation>
    </message>
    <message>
      <source>Pending for (days)</source>
      <translation>En attente depuis (jours)</translation>
    </message>
    <message>
      <source>Return received</source>
      <translation>Retour reçu le</translation>
    </message>
    <message>
      <source>Refund due</source>
      <translation>Remboursement dû le</translation>
    </message>
    <message>
      <source>Days overdue</source>
      <translation>Jours de retard</translation>
    </message>
    <message>
      <source>Batch</source>
      <translation>Lot</translation>
    </message>
    <message>
      <source>Line</source>
      <translation>Ligne</translation>
    </message>
    <message>
      <source>Seller Central said</source>
      <translation>Réponse de Seller Central</translation>
    </message>
    <message>
      <source>When you fixed it</source>
      <translation>Une fois corrigé</translation>
    </message>
    <message>
      <source>Counted in the rate ({count})</source>
      <translation>Comptées dans le taux ({count})</translation>
    </message>
    <message>
      <source>Not counted ({count})</source>
      <translation>Non comptées ({count})</translation>
    </message>
    <message>
      <source>Cancelled on the marketplace ({count})</source>
      <translation>Annulées sur Amazon ({count})</translation>
    </message>
    <message>
      <source>{group} ({count})</source>
      <translation>{group} ({count})</translation>
    </message>
    <message>
      <source>Pending over 21 days ({count})</source>
      <translation>En attente depuis plus de 21 jours ({count})</translation>
    </message>
    <message>
      <source>Refunds overdue ({count})</source>
      <translation>Remboursements en retard ({count})</translation>
    </message>
    <message>
      <source>Refused by the marketplace ({count})</source>
      <translation>Refusé par Amazon ({count})</translation>
    </message>
    <message>
      <source>none: may be cancelled now</source>
      <translation>aucun : annulation possible dès maintenant</translation>
    </message>
    <message>
      <source>No cancellation counts in the rate this week. Keep it that way.</source>
      <translation>Aucune annulation ne compte dans le taux cette semaine. Continuez ainsi.</translation>
    </message>
    <message>
      <source>No uncounted cancellation: official buyer requests cancelled with Buyer canceled will show here.</source>
      <translation>Aucune annulation non comptée : les demandes officielles des acheteurs, annulées avec le motif « Annulé par l'acheteur », apparaîtront ici.</translation>
    </message>
    <message>
      <source>No order cancelled by the marketplace. Import your reports to keep this up to date.</source>
      <translation>Aucune commande annulée par Amazon. Importez vos rapports sur les commandes pour tenir cette liste à jour.</translation>
    </message>
    <message>
      <source>No order has been pending for more than 21 days.</source>
      <translation>Aucune commande n'est en attente depuis plus de 21 jours.</translation>
    </message>
    <message>
      <source>No refund overdue: every received return is refunded.</source>
      <translation>Aucun remboursement en retard : chaque retour reçu est remboursé.</translation>
    </message>
    <message>
      <source>Seller Central refused nothing SellerDesk sent. A refused line is listed here until it is sent again and accepted.</source>
      <translation>Seller Central n'a rien refusé de ce que SellerDesk a envoyé. Une ligne refusée reste ici jusqu'à ce qu'elle soit renvoyée et acceptée.</translation>
    </message>
    <message>
      <source>Updating the figures…</source>
      <translation>Mise à jour des chiffres…</translation>
    </message>
    <message>
      <source>As of {moment}</source>
      <translation>Situation au {moment}</translation>
    </message>
    <message>
      <source>⚠ above the target</source>
      <translation>⚠ au-dessus de l'objectif</translation>
    </message>
    <message>
      <source>✓ within the target</source>
      <translation>✓ dans l'objectif</translation>
    </message>
    <message>
      <source>7-day cancellation rate: {rate} % ({status})</source>
      <translation>Taux d'annulations sur 7 jours : {rate} % ({status})</translation>
    </message>
    <message numerus="yes">
      <source>Cancelled and counted in the rate: %n of the {orders} orders purchased in the last 7 days. Target: under {target} %.</source>
      <translation>
        <numerusform>Annulée et comptée dans le taux : %Ln des {orders} commandes passées ces 7 derniers jours. Objectif : moins de {target} %.</numerusform>
        <numerusform>Annulées et comptées dans le taux : %Ln des {orders} commandes passées ces 7 derniers jours. Objectif : moins de {target} %.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Late shipment rate, {days} days: {rate} % (%n of the {shipped} orders confirmed after their ship-by date)</source>
      <translation>
        <numerusform>Taux d'expéditions en retard sur {days} jours : {rate} % (%Ln des {shipped} commandes confirmée après sa date limite d'expédition)</numerusform>
        <numerusform>Taux d'expéditions en retard sur {days} jours : {rate} % (%Ln des {shipped} commandes confirmées après leur date limite d'expédition)</numerusform>
      </translation>
    </message>
    <message>
      <source>Target: under {target} %.</source>
      <translation>Objectif : moins de {target} %.</translation>
    </message>
    <message>
      <source>Double-click or press Enter to open the order</source>
      <translation>Double-cliquez ou appuyez sur Entrée pour ouvrir la commande</translation>
    </message>
    <message numerus="yes">
      <source>…and %n more, not listed here.</source>
      <translation>
        <numerusform>…et %Ln de plus, que cette liste n'affiche pas.</numerusform>
        <numerusform>…et %Ln de plus, que cette liste n'affiche pas.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>…and %n more: the order list's “{filter}” filter shows every one.</source>
      <translation>
        <numerusform>…et %Ln de plus : le filtre « {filter} » de la liste des commandes les affiche toutes.</numerusform>
        <numerusform>…et %Ln de plus : le filtre « {filter} » de la liste des commandes les affiche toutes.</numerusform>
      </translation>
    </message>
    <message>
      <source>Dealt with</source>
      <translation>Réglé</translation>
    </message>
    <message>
      <source>You put it right on Seller Central yourself: the line is listed no more and SellerDesk does not send it again. Written on the order's timeline.</source>
      <translation>Vous l'avez corrigé vous-même sur Seller Central : la ligne n'est plus listée et SellerDesk ne l'envoie plus. Noté dans l'historique de la commande.</translation>
    </message>
    <message>
      <source>Order {order}: refused line {line} of batch {batch} dealt with; it is not sent again.</source>
      <translation>Commande {order} : ligne refusée {line} du lot {batch} réglée ; elle n'est plus envoyée.</translation>
    </message>
  </context>
  <context>
    <name>Import</name>
    <message>
      <source>The import was cancelled; nothing was imported.</source>
      <translation>L'import a été interrompu ; rien n'a été importé.</translation>
    </message>
    <message numerus="yes">
      <source>Imported from {file}: new order, {status}, %n item(s).</source>
      <translation>
        <numerusform>Importée depuis {file} : nouvelle commande (état « {status} »), %Ln article.</numerusform>
        <numerusform>Importée depuis {file} : nouvelle commande (état « {status} »), %Ln articles.</numerusform>
      </translation>
    </message>
    <message>
      <source>Imported from {file}: {old} → {new}; changed {fields}.</source>
      <translation>Importée depuis {file} : {old} → {new} ; modifié : {fields}.</translation>
    </message>
    <message>
      <source>Imported from {file}: changed {fields}.</source>
      <translation>Importée depuis {file} ; modifié : {fields}.</translation>
    </message>
    <message>
      <source>line {line}: left out with order {order_id}, which has a bad line</source>
      <translation>ligne {line} : écartée avec la commande {order_id}, qui a une ligne incorrecte</translation>
    </message>
    <message numerus="yes">
      <source>%n line(s) of {files} cannot be read, so nothing was imported. Correct them, or skip the orders they belong to.</source>
      <translation>
        <numerusform>%Ln ligne de {files} est illisible : rien n'a été importé. Corrigez-la, ou écartez la commande à laquelle elle appartient.</numerusform>
        <numerusform>%Ln lignes de {files} sont illisibles : rien n'a été importé. Corrigez-les, ou écartez les commandes auxquelles elles appartiennent.</numerusform>
      </translation>
    </message>
    <message>
      <source>line {line}: {column} "{value}" is not a date</source>
      <translation>ligne {line} : {column} « {value} » n'est pas une date</translation>
    </message>
    <message>
      <source>line {line}: {column} "{value}" is not an amount</source>
      <translation>ligne {line} : {column} « {value} » n'est pas un montant</translation>
    </message>
    <message>
      <source>line {line}: {column} "{value}" is not a whole number of units</source>
      <translation>ligne {line} : {column} « {value} » n'est pas un nombre entier d'unités</translation>
    </message>
    <message>
      <source>line {line}: {column} "{value}" is not true or false</source>
      <translation>ligne {line} : {column} « {value} » n'est ni vrai (true) ni faux (false)</translation>
    </message>
    <message>
      <source>line {line}: {column} "{value}" is not a fulfilment channel (Merchant, MFN, Amazon or AFN)</source>
      <translation>ligne {line} : {column} « {value} » n’est pas un canal d’expédition (Merchant, MFN, Amazon ou AFN)</translation>
    </message>
    <message>
      <source>{file} is not a text report (it holds binary data); nothing was imported.</source>
      <translation>{file} n'est pas un rapport texte (il contient des données binaires) ; rien n'a été importé.</translation>
    </message>
    <message>
      <source>line {line}: {column} is empty</source>
      <translation>ligne {line} : {column} est vide</translation>
    </message>
    <message>
      <source>line {line}: {column} "{value}" is not an order id (it looks like 123-1234567-1234567)</source>
      <translation>ligne {line} : {column} « {value} » n'est pas un numéro de commande (format attendu : 123-1234567-1234567)</translation>
    </message>
    <message>
      <source>line {line}: order-status "{value}" is not a status SellerDesk knows</source>
      <translation>ligne {line} : order-status « {value} » n'est pas un état connu de SellerDesk</translation>
    </message>
    <message>
      <source>line {line}: {column} "{value}" is longer than 2000 characters</source>
      <translation>ligne {line} : {column} « {value} » dépasse 2000 caractères</translation>
    </message>
    <message>
      <source>line {line}: {column} is 0, but only a cancelled item has no units</source>
      <translation>ligne {line} : {column} vaut 0, or seul un article annulé n'a aucune unité</translation>
    </message>
    <message>
      <source>{file} is empty: there is nothing to import.</source>
      <translation>{file} est vide : il n'y a rien à importer.</translation>
    </message>
    <message numerus="yes">
      <source>{file} lacks %n required column(s): {columns}; nothing was imported.</source>
      <translation>
        <numerusform>Il manque à {file} %Ln colonne obligatoire : {columns} ; rien n'a été importé.</numerusform>
        <numerusform>Il manque à {file} %Ln colonnes obligatoires : {columns} ; rien n'a été importé.</numerusform>
      </translation>
    </message>
    <message>
      <source>There is no file {file}.</source>
      <translation>Le fichier {file} n'existe pas.</translation>
    </message>
    <message>
      <source>{file} is not a report: line {line} is longer than a million characters; nothing was imported.</source>
      <translation>{file} n'est pas un rapport : la ligne {line} dépasse un million de caractères ; rien n'a été importé.</translation>
    </message>
    <message>
      <source>shipping address</source>
      <translation>adresse de livraison</translation>
    </message>
    <message>
      <source>buyer contact</source>
      <translation>coordonnées de l'acheteur</translation>
    </message>
    <message>
      <source>ship-by date</source>
      <translation>date d'expédition prévue</translation>
    </message>
    <message>
      <source>purchase date</source>
      <translation>date d'achat</translation>
    </message>
    <message>
      <source>payment date</source>
      <translation>date de paiement</translation>
    </message>
    <message>
      <source>buyer's cancellation request</source>
      <translation>demande d'annulation de l'acheteur</translation>
    </message>
    <message>
      <source>cancelled on the marketplace</source>
      <translation>annulée sur Amazon</translation>
    </message>
    <message>
      <source>order details</source>
      <translation>détails de la commande</translation>
    </message>
    <message>
      <source>quantity</source>
      <translation>quantité</translation>
    </message>
    <message>
      <source>shipped</source>
      <translation>expédiés</translation>
    </message>
    <message>
      <source>cancelled</source>
      <translation>annulés</translation>
    </message>
    <message>
      <source>item promotion</source>
      <translation>promotion sur l'article</translation>
    </message>
    <message>
      <source>shipping promotion</source>
      <translation>promotion sur la livraison</translation>
    </message>
    <message>
      <source>item id</source>
      <translation>numéro d'article</translation>
    </message>
    <message>
      <source>SKU</source>
      <translation>SKU</translation>
    </message>
    <message>
      <source>product name</source>
      <translation>nom du produit</translation>
    </message>
    <message>
      <source>ASIN</source>
      <translation>ASIN</translation>
    </message>
    <message>
      <source>promotions</source>
      <translation>promotions</translation>
    </message>
    <message>
      <source>{what} {old} → {new}</source>
      <translation>{what} {old} → {new}</translation>
    </message>
    <message>
      <source>{item} (new item)</source>
      <translation>{item} (nouvel article)</translation>
    </message>
    <message>
      <source>{item} ({changes})</source>
      <translation>{item} ({changes})</translation>
    </message>
    <message>
      <source>total</source>
      <translation>total</translation>
    </message>
    <message>
      <source>Cannot import: the lines an order has apart in the report could not be set aside on disk ({detail}). Free some space in the temporary folder and try again; nothing was imported.</source>
      <translation>Impossible d'importer : les lignes d'une commande dispersées dans le rapport n'ont pas pu être mises de côté sur le disque ({detail}). Libérez de la place dans le dossier temporaire et réessayez ; rien n'a été importé.</translation>
    </message>
  </context>
  <context>
    <name>ImportRunner</name>
    <message>
      <source>Import order reports</source>
      <translation>Importer des rapports sur les commandes</translation>
    </message>
    <message>
      <source>Order reports (*.txt *.tsv *.csv);;All files (*)</source>
      <translation>Rapports de commandes (*.txt *.tsv *.csv);;Tous les fichiers (*)</translation>
    </message>
    <message numerus="yes">
      <source>Importing %n report(s)…</source>
      <translation>
        <numerusform>Import de %Ln rapport…</numerusform>
        <numerusform>Import de %Ln rapports…</numerusform>
      </translation>
    </message>
    <message>
      <source>Stop</source>
      <translation>Arrêter</translation>
    </message>
    <message>
      <source>Import finished</source>
      <translation>Import terminé</translation>
    </message>
    <message>
      <source>Nothing imported</source>
      <translation>Rien n'a été importé</translation>
    </message>
    <message>
      <source>SellerDesk hit an unexpected problem; nothing was imported ({error}).</source>
      <translation>SellerDesk a rencontré un problème inattendu ; rien n'a été importé ({error}).</translation>
    </message>
    <message>
      <source>Some lines cannot be read</source>
      <translation>Certaines lignes sont illisibles</translation>
    </message>
    <message>
      <source>Import the other orders now and leave out the orders these lines belong to, or cancel and correct the file. Nothing has been imported yet.</source>
      <translation>Importez maintenant les autres commandes en laissant de côté celles auxquelles ces lignes appartiennent, ou annulez et corrigez le fichier. Rien n'a encore été importé.</translation>
    </message>
    <message>
      <source>&amp;Import the other orders</source>
      <translation>&amp;Importer les autres commandes</translation>
    </message>
    <message>
      <source>C&amp;opy the bad lines</source>
      <translation>C&amp;opier les lignes illisibles</translation>
    </message>
  </context>
  <context>
    <name>Initiator</name>
    <message>
      <source>Buyer (official request)</source>
      <translation>Acheteur (demande officielle)</translation>
    </message>
    <message>
      <source>Buyer (by message only)</source>
      <translation>Acheteur (par message uniquement)</translation>
    </message>
    <message>
      <source>Seller</source>
      <translation>Vendeur</translation>
    </message>
    <message>
      <source>Marketplace</source>
      <translation>Amazon</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>&amp;File</source>
      <translation>&amp;Fichier</translation>
    </message>
    <message>
      <source>&amp;Orders</source>
      <translation>&amp;Commandes</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>&amp;Affichage</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>Aid&amp;e</translation>
    </message>
    <message>
      <source>Show {view}</source>
      <translation>Afficher {view}</translation>
    </message>
    <message>
      <source>Lan&amp;guage</source>
      <translation>La&amp;ngue</translation>
    </message>
    <message>
      <source>&amp;System language</source>
      <translation>Langue du &amp;système</translation>
    </message>
    <message>
      <source>Main toolbar</source>
      <translation>Barre d'outils principale</translation>
    </message>
    <message>
      <source>Search order id, buyer, SKU, product ({shortcut})</source>
      <translation>Commande, acheteur, SKU ou produit ({shortcut})</translation>
    </message>
    <message>
      <source>Shows the orders whose id, buyer name, SKU or product name contain every word</source>
      <translation>Affiche les commandes dont le numéro, le nom de l'acheteur, le SKU ou le nom du produit contiennent tous les mots</translation>
    </message>
    <message>
      <source>Order {order} is not in {current}: it is in {view}. Show it there</source>
      <translation>La commande {order} n'est pas dans « {current} » : elle est dans « {view} ». L'afficher là</translation>
    </message>
    <message numerus="yes">
      <source>No match in {current}; %n order(s) in {view}. Show them</source>
      <translation>
        <numerusform>Aucun résultat dans « {current} » ; %Ln commande dans « {view} ». L'afficher</numerusform>
        <numerusform>Aucun résultat dans « {current} » ; %Ln commandes dans « {view} ». Les afficher</numerusform>
      </translation>
    </message>
    <message>
      <source>demo data (thrown away when you quit)</source>
      <translation>données de démonstration (effacées à la fermeture)</translation>
    </message>
    <message>
      <source>SellerDesk — {where}</source>
      <translation>SellerDesk — {where}</translation>
    </message>
    <message numerus="yes">
      <source>%n order(s) shown</source>
      <translation>
        <numerusform>%Ln commande affichée</numerusform>
        <numerusform>%Ln commandes affichées</numerusform>
      </translation>
    </message>
    <message>
      <source>Counting orders…</source>
      <translation>Comptage des commandes…</translation>
    </message>
    <message>
      <source>7-day cancellation rate {rate} (target &lt; {target})</source>
      <translation>Taux d'annulations sur 7 jours : {rate} (objectif : moins de {target})</translation>
    </message>
    <message>
      <source> — above the target</source>
      <translation> — au-dessus de l'objectif</translation>
    </message>
    <message numerus="yes">
      <source>Counted in the cancellation rate: %n of the {orders} orders purchased in the last 7 days (official buyer requests do not count).</source>
      <translation>
        <numerusform>Comptée dans le taux d'annulations : %Ln des {orders} commandes passées ces 7 derniers jours (les demandes officielles des acheteurs ne sont pas comptées).</numerusform>
        <numerusform>Comptées dans le taux d'annulations : %Ln des {orders} commandes passées ces 7 derniers jours (les demandes officielles des acheteurs ne sont pas comptées).</numerusform>
      </translation>
    </message>
    <message>
      <source>Searching…</source>
      <translation>Recherche en cours…</translation>
    </message>
    <message>
      <source>Shipment of order {order} confirmed.</source>
      <translation>Expédition de la commande {order} confirmée.</translation>
    </message>
    <message>
      <source>Order {order} cancelled.</source>
      <translation>Commande {order} annulée.</translation>
    </message>
    <message>
      <source>&amp;Write the message from the template…</source>
      <translation>&amp;Rédiger le message à partir du modèle…</translation>
    </message>
    <message>
      <source>Items of order {order} cancelled.</source>
      <translation>Articles de la commande {order} annulés.</translation>
    </message>
    <message>
      <source>Refund of order {order} recorded.</source>
      <translation>Remboursement de la commande {order} enregistré.</translation>
    </message>
    <message>
      <source>Order {order}: the buyer's request by message is noted.</source>
      <translation>Commande {order} : la demande d'annulation par message est notée.</translation>
    </message>
    <message>
      <source>Reply copied: paste it into Buyer-Seller Messages. The order was not cancelled.</source>
      <translation>Réponse copiée : collez-la dans le service de messagerie Acheteurs - Vendeurs. La commande n'a pas été annulée.</translation>
    </message>
    <message>
      <source>Copied {order}</source>
      <translation>{order} copié</translation>
    </message>
    <message>
      <source>&amp;Marketplace connection</source>
      <translation>Connexion à la place de &amp;marché</translation>
    </message>
    <message>
      <source>&amp;Backups</source>
      <translation>S&amp;auvegardes</translation>
    </message>
    <message>
      <source>Preferences saved.</source>
      <translation>Préférences enregistrées.</translation>
    </message>
    <message>
      <source>Language saved. Dialogs opened from now on use it too.</source>
      <translation>Langue enregistrée. Les fenêtres ouvertes à partir de maintenant l'utilisent aussi.</translation>
    </message>
    <message>
      <source>Something went wrong: {error}</source>
      <translation>Un problème est survenu : {error}</translation>
    </message>
  </context>
  <context>
    <name>Marketplace</name>
    <message>
      <source>Unknown region {value!r}: choose na, eu or fe.</source>
      <translation>Région {value!r} inconnue : choisissez na, eu ou fe.</translation>
    </message>
    <message>
      <source>Choose at least one marketplace.</source>
      <translation>Choisissez au moins une place de marché.</translation>
    </message>
    <message>
      <source>{code} is not a marketplace of the region {region}.</source>
      <translation>{code} n'est pas une place de marché de la région {region}.</translation>
    </message>
    <message>
      <source>Sync every {minutes} minutes at the most often.</source>
      <translation>Synchronisez au plus souvent toutes les {minutes} minutes.</translation>
    </message>
    <message>
      <source>Offline: {problem}</source>
      <translation>Hors ligne : {problem}</translation>
    </message>
    <message>
      <source>{orders}; {files}; {refused}.</source>
      <translation>{orders} ; {files} ; {refused}.</translation>
    </message>
    <message numerus="yes">
      <source>%n order(s) new or updated</source>
      <translation>
        <numerusform>%Ln commande nouvelle ou mise à jour</numerusform>
        <numerusform>%Ln commandes nouvelles ou mises à jour</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n file(s) sent</source>
      <translation>
        <numerusform>%Ln fichier envoyé</numerusform>
        <numerusform>%Ln fichiers envoyés</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n line(s) refused by the marketplace</source>
      <translation>
        <numerusform>%Ln ligne refusée par Amazon</numerusform>
        <numerusform>%Ln lignes refusées par Amazon</numerusform>
      </translation>
    </message>
    <message>
      <source>Connected: Seller Central accepted the credentials for {region} ({places}).</source>
      <translation>Connecté : Seller Central a accepté les identifiants pour {region} ({places}).</translation>
    </message>
    <message>
      <source>Stopped by you.</source>
      <translation>Arrêté à votre demande.</translation>
    </message>
    <message>
      <source>The Seller Central connection needs two more packages: install them with {command}. Everything else works without them.</source>
      <translation>La connexion à Seller Central a besoin de deux paquets de plus : installez-les avec {command}. Tout le reste fonctionne sans eux.</translation>
    </message>
    <message>
      <source>No Seller Central connection is set up yet: run sellerdesk connect, or open Marketplace connection in the window.</source>
      <translation>Aucune connexion à Seller Central n'est encore configurée : lancez sellerdesk connect, ou ouvrez Connexion à la place de marché dans la fenêtre.</translation>
    </message>
    <message>
      <source>Seller Central cannot be reached ({detail}): working offline; what is waiting will be sent when the connection is back.</source>
      <translation>Seller Central est injoignable ({detail}) : travail hors ligne ; ce qui attend sera envoyé au retour de la connexion.</translation>
    </message>
    <message>
      <source>Seller Central is not answering properly (error {status}) even after several tries: working offline; what is waiting will be sent later.</source>
      <translation>Seller Central ne répond pas correctement (erreur {status}) même après plusieurs essais : travail hors ligne ; ce qui attend sera envoyé plus tard.</translation>
    </message>
    <message>
      <source>Seller Central refused the credentials ({detail}): check the client id, client secret and refresh token of your private application.</source>
      <translation>Seller Central a refusé les identifiants ({detail}) : vérifiez l'identifiant client, le secret client et le jeton d'actualisation de votre application privée.</translation>
    </message>
    <message>
      <source>Seller Central refused the request ({detail}): the private application probably lacks a role (Inventory and Order Tracking, Direct-to-Consumer Shipping); add it and authorise the application again.</source>
      <translation>Seller Central a refusé la demande ({detail}) : il manque sans doute un rôle à l'application privée (Inventory and Order Tracking, Direct-to-Consumer Shipping) ; ajoutez-le et autorisez de nouveau l'application.</translation>
    </message>
    <message>
      <source>Seller Central refused access to buyers' names and addresses ({detail}): the private application lacks the Direct-to-Consumer Shipping role, so the unshipped-orders report cannot be downloaded; add the role and authorise the application again.</source>
      <translation>Seller Central a refusé l'accès aux noms et adresses des acheteurs ({detail}) : il manque à l'application privée le rôle Direct-to-Consumer Shipping, le rapport des commandes non expédiées ne peut donc pas être téléchargé ; ajoutez ce rôle et autorisez de nouveau l'application.</translation>
    </message>
    <message>
      <source>Seller Central refused the request: {detail}</source>
      <translation>Seller Central a refusé la demande : {detail}</translation>
    </message>
    <message>
      <source>the shipment</source>
      <translation>l'expédition</translation>
    </message>
    <message>
      <source>the cancellation</source>
      <translation>l'annulation</translation>
    </message>
    <message>
      <source>the refund</source>
      <translation>le remboursement</translation>
    </message>
    <message>
      <source>written, waiting to be sent</source>
      <translation>écrit, en attente d'envoi</translation>
    </message>
    <message>
      <source>sent</source>
      <translation>envoyé</translation>
    </message>
    <message>
      <source>processing</source>
      <translation>en traitement</translation>
    </message>
    <message>
      <source>done</source>
      <translation>traité</translation>
    </message>
    <message>
      <source>failed</source>
      <translation>échoué</translation>
    </message>
    <message>
      <source>{state} ({accepted}, {refused})</source>
      <translation>{state} ({accepted}, {refused})</translation>
    </message>
    <message numerus="yes">
      <source>%n line(s) accepted</source>
      <translation>
        <numerusform>%Ln ligne acceptée</numerusform>
        <numerusform>%Ln lignes acceptées</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n line(s) refused</source>
      <translation>
        <numerusform>%Ln ligne refusée</numerusform>
        <numerusform>%Ln lignes refusées</numerusform>
      </translation>
    </message>
    <message>
      <source>Seller Central refused {action} (batch {batch}, line {line}): {message}. It is back in what is to send.</source>
      <translation>Seller Central a refusé {action} (lot {batch}, ligne {line}) : {message}. C'est de nouveau à envoyer.</translation>
    </message>
    <message>
      <source>Batch {batch} has no refused line {line}.</source>
      <translation>Le lot {batch} n'a pas de ligne refusée {line}.</translation>
    </message>
    <message>
      <source>Line {line} of batch {batch} is dealt with already: it is no longer listed as refused.</source>
      <translation>La ligne {line} du lot {batch} est déjà réglée : elle n'est plus listée comme refusée.</translation>
    </message>
    <message>
      <source>Refusal of {action} by Seller Central (batch {batch}, line {line}) marked as dealt with: it is no longer listed and is not sent again.</source>
      <translation>Refus de {action} par Seller Central (lot {batch}, ligne {line}) marqué comme réglé : il n'est plus listé et n'est plus envoyé.</translation>
    </message>
    <message>
      <source>North America</source>
      <translation>Amérique du Nord</translation>
    </message>
    <message>
      <source>Europe</source>
      <translation>Europe</translation>
    </message>
    <message>
      <source>Far East</source>
      <translation>Extrême-Orient</translation>
    </message>
    <message>
      <source>no answer in time</source>
      <translation>pas de réponse à temps</translation>
    </message>
    <message>
      <source>no network or server unreachable</source>
      <translation>pas de réseau ou serveur injoignable</translation>
    </message>
    <message>
      <source>the connection was cut</source>
      <translation>la connexion a été coupée</translation>
    </message>
  </context>
  <context>
    <name>MessageDialog</name>
    <message>
      <source>Message to the buyer — {order}</source>
      <translation>Message à l'acheteur — {order}</translation>
    </message>
    <message>
      <source>&amp;Template</source>
      <translation>&amp;Modèle</translation>
    </message>
    <message>
      <source>&amp;Language</source>
      <translation>&amp;Langue</translation>
    </message>
    <message>
      <source>&amp;Subject</source>
      <translation>&amp;Objet</translation>
    </message>
    <message>
      <source>&amp;Copy to clipboard</source>
      <translation>&amp;Copier dans le presse-papiers</translation>
    </message>
    <message>
      <source>&amp;Open in mail client…</source>
      <translation>Ou&amp;vrir dans la messagerie…</translation>
    </message>
    <message>
      <source>Lo&amp;g the message on the order's timeline</source>
      <translation>Consi&amp;gner le message dans l'historique de la commande</translation>
    </message>
    <message>
      <source>&amp;Message</source>
      <translation>Me&amp;ssage</translation>
    </message>
    <message>
      <source>To: {address}</source>
      <translation>À : {address}</translation>
    </message>
    <message>
      <source>Pending order: Amazon gives no buyer contact until payment is verified. Paste the text in the buyer's message thread, or send the buyer to Amazon customer service.</source>
      <translation>Commande en attente : Amazon ne donne aucune coordonnée de l'acheteur tant que le paiement n'est pas vérifié. Collez le texte dans le service de messagerie Acheteurs - Vendeurs, ou orientez l'acheteur vers le Service client Amazon.</translation>
    </message>
    <message>
      <source>Copied: paste it in the buyer's messages.</source>
      <translation>Copié : collez-le dans le service de messagerie Acheteurs - Vendeurs.</translation>
    </message>
    <message>
      <source>No mail client answered. Copy the text to the clipboard instead.</source>
      <translation>Aucune messagerie n'a répondu. Copiez plutôt le texte dans le presse-papiers.</translation>
    </message>
    <message>
      <source>Opened in your mail client.</source>
      <translation>Ouvert dans votre messagerie.</translation>
    </message>
    <message>
      <source>Logged on the order's timeline.</source>
      <translation>Consigné dans l'historique de la commande.</translation>
    </message>
  </context>
  <context>
    <name>Messages</name>
    <message>
      <source>Cancellation notice</source>
      <translation>Avis d'annulation</translation>
    </message>
    <message>
      <source>Parcel will arrive: please send it back</source>
      <translation>Le colis va arriver : merci de le renvoyer</translation>
    </message>
    <message>
      <source>Please request the cancellation from your account</source>
      <translation>Merci de demander l'annulation depuis votre compte</translation>
    </message>
    <message>
      <source>Please place a new order</source>
      <translation>Merci de passer une nouvelle commande</translation>
    </message>
    <message>
      <source>Contact Amazon customer service (payment being verified)</source>
      <translation>Contactez le Service client Amazon (paiement en cours de vérification)</translation>
    </message>
    <message>
      <source>Cancel and re-order with the right address</source>
      <translation>Annuler et repasser commande avec la bonne adresse</translation>
    </message>
    <message>
      <source>Carrier is returning the parcel</source>
      <translation>Le transporteur retourne le colis</translation>
    </message>
    <message>
      <source>Unknown message language {language!r}: use fr or en.</source>
      <translation>Langue de message inconnue {language!r} : utilisez fr ou en.</translation>
    </message>
    <message>
      <source>Unknown message template {key!r}. Templates: {known}.</source>
      <translation>Modèle de message inconnu {key!r}. Modèles : {known}.</translation>
    </message>
    <message>
      <source>The template {key} ({language}) uses unknown placeholders: {unknown}. Known: {known}.</source>
      <translation>Le modèle {key} ({language}) utilise des champs inconnus : {unknown}. Champs connus : {known}.</translation>
    </message>
    <message>
      <source>Unknown channel {channel!r}: use {known}.</source>
      <translation>Canal inconnu {channel!r} : utilisez {known}.</translation>
    </message>
    <message>
      <source>The message is empty.</source>
      <translation>Le message est vide.</translation>
    </message>
    <message>
      <source>Message to the buyer ({rule}, {template}, {language}, {channel}): {subject}</source>
      <translation>Message à l'acheteur ({rule}, {template}, {language}, {channel}) : {subject}</translation>
    </message>
  </context>
  <context>
    <name>OrderBanner</name>
    <message>
      <source>Order {order}</source>
      <translation>Commande {order}</translation>
    </message>
    <message>
      <source>Order {order} · {buyer} · {total}</source>
      <translation>Commande {order} · {buyer} · {total}</translation>
    </message>
    <message>
      <source>buyer hidden until payment is verified</source>
      <translation>acheteur masqué jusqu'à la vérification du paiement</translation>
    </message>
  </context>
  <context>
    <name>OrderTableModel</name>
    <message>
      <source>Order id</source>
      <translation>N° de commande</translation>
    </message>
    <message>
      <source>Purchased</source>
      <translation>Achetée le</translation>
    </message>
    <message>
      <source>Ship by</source>
      <translation>À expédier avant le</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>État</translation>
    </message>
    <message>
      <source>Buyer</source>
      <translation>Acheteur</translation>
    </message>
    <message>
      <source>Items</source>
      <translation>Articles</translation>
    </message>
    <message>
      <source>Total</source>
      <translation>Total</translation>
    </message>
    <message>
      <source>The marketplace's order id</source>
      <translation>Le numéro de commande Amazon</translation>
    </message>
    <message>
      <source>When the buyer placed the order</source>
      <translation>Quand l'acheteur a passé la commande</translation>
    </message>
    <message>
      <source>The latest ship date, and how late the order is</source>
      <translation>La date limite d'expédition, et le retard de la commande</translation>
    </message>
    <message>
      <source>Where the order stands on the marketplace</source>
      <translation>L'état de la commande sur Amazon</translation>
    </message>
    <message>
      <source>Hidden while Amazon verifies the payment</source>
      <translation>Masqué pendant qu'Amazon vérifie le paiement</translation>
    </message>
    <message>
      <source>Units ordered and their SKUs</source>
      <translation>Unités commandées et leurs SKU</translation>
    </message>
    <message>
      <source>Items, tax and shipping, less promotions</source>
      <translation>Articles, taxes et livraison, promotions déduites</translation>
    </message>
    <message>
      <source>⚑ The buyer used Request cancellation on the marketplace; ✉ the buyer asked to cancel by message only</source>
      <translation>⚑ L'acheteur a utilisé « Demander une annulation » sur Amazon ; ✉ l'acheteur a demandé l'annulation par message seulement</translation>
    </message>
    <message>
      <source>{count} × {skus}</source>
      <translation>{count} × {skus}</translation>
    </message>
    <message>
      <source>hidden until paid</source>
      <translation>masqué (paiement)</translation>
    </message>
    <message>
      <source>✉ Asked by message</source>
      <translation>✉ Demandée par message</translation>
    </message>
    <message>
      <source>The buyer asked to cancel by message only: cancelling counts in your cancellation rate. Reply asking the buyer to use Request cancellation.</source>
      <translation>L'acheteur a demandé l'annulation par message seulement : annuler compte dans votre taux d'annulations. Répondez-lui en demandant d'utiliser « Demander une annulation ».</translation>
    </message>
    <message>
      <source>Amazon gives no address or buyer contact until it has verified the payment.</source>
      <translation>Amazon ne donne ni adresse ni coordonnées de l'acheteur tant que le paiement n'est pas vérifié.</translation>
    </message>
    <message>
      <source>The buyer asked to cancel through the marketplace: cancelling with reason Buyer canceled does not count in your cancellation rate.</source>
      <translation>L'acheteur a demandé l'annulation sur Amazon : annuler avec le motif « Annulé par l'acheteur » ne compte pas dans votre taux d'annulations.</translation>
    </message>
    <message>
      <source>⚑ Buyer requested</source>
      <translation>⚑ Demandée par l'acheteur</translation>
    </message>
  </context>
  <context>
    <name>Orders</name>
    <message>
      <source>Name the item: ITEM_ID[:QTY].</source>
      <translation>Nommez l'article : ID_ARTICLE[:QTÉ].</translation>
    </message>
    <message>
      <source>{raw!r}: the quantity after ':' is not a number.</source>
      <translation>{raw!r} : la quantité après « : » n'est pas un nombre.</translation>
    </message>
    <message>
      <source>{raw!r}: a quantity must be 1 or more.</source>
      <translation>{raw!r} : une quantité doit valoir 1 ou plus.</translation>
    </message>
    <message>
      <source>{order_id!r} is not an order id: it looks like 123-1234567-1234567.</source>
      <translation>{order_id!r} n'est pas un numéro de commande (format attendu : 123-1234567-1234567).</translation>
    </message>
    <message>
      <source>There is no order {order_id} in this database.</source>
      <translation>Il n'y a pas de commande {order_id} dans cette base de données.</translation>
    </message>
    <message>
      <source>Order {order_id} has several items with SKU {ref}: name the order-item id.</source>
      <translation>La commande {order_id} a plusieurs articles de SKU {ref} : indiquez l'identifiant de l'article de commande.</translation>
    </message>
    <message>
      <source>Order {order_id} has no item {ref}. Its items: {known}.</source>
      <translation>La commande {order_id} n'a pas d'article {ref}. Ses articles : {known}.</translation>
    </message>
    <message>
      <source>{sku} “{title}”</source>
      <translation>{sku} « {title} »</translation>
    </message>
    <message>
      <source>{item} × {quantity}</source>
      <translation>{item} × {quantity}</translation>
    </message>
    <message>
      <source>ship</source>
      <translation>expédier</translation>
    </message>
    <message>
      <source>cancel</source>
      <translation>annuler</translation>
    </message>
    <message numerus="yes">
      <source>Item {ref} has %n unit(s) left to ship or cancel; you asked to {verb} {asked}.</source>
      <translation>
        <numerusform>Il ne reste à l'article {ref} que %Ln unité à expédier ou annuler ; vous avez demandé d'en {verb} {asked}.</numerusform>
        <numerusform>Il ne reste à l'article {ref} que %Ln unités à expédier ou annuler ; vous avez demandé d'en {verb} {asked}.</numerusform>
      </translation>
    </message>
    <message>
      <source>Payment verified; the order is ready to ship.</source>
      <translation>Paiement vérifié ; la commande est prête à être expédiée.</translation>
    </message>
    <message>
      <source>The ship date {ship_date} is before the purchase date {purchase}.</source>
      <translation>La date d'expédition {ship_date} est antérieure à la date d'achat {purchase}.</translation>
    </message>
    <message>
      <source>The ship date {ship_date} is in the future: confirm once it has left.</source>
      <translation>La date d'expédition {ship_date} est dans le futur : confirmez l'expédition une fois le colis parti.</translation>
    </message>
    <message>
      <source>Shipment confirmed ({carrier}, tracking {tracking}, {date}): {units}.</source>
      <translation>Expédition confirmée ({carrier}, suivi {tracking}, {date}) : {units}.</translation>
    </message>
    <message>
      <source>Shipment confirmed ({carrier}, {date}): {units}.</source>
      <translation>Expédition confirmée ({carrier}, {date}) : {units}.</translation>
    </message>
    <message>
      <source>Order cancelled (reason {reason}; counts in the cancellation rate). The marketplace notifies the buyer by e-mail.</source>
      <translation>Commande annulée (motif « {reason} » ; comptée dans le taux d'annulations). Amazon prévient l'acheteur par e-mail.</translation>
    </message>
    <message>
      <source>Order cancelled (reason {reason}; does not count in the rate). The marketplace notifies the buyer by e-mail.</source>
      <translation>Commande annulée (motif « {reason} » ; non comptée dans le taux d'annulations). Amazon prévient l'acheteur par e-mail.</translation>
    </message>
    <message>
      <source>Items cancelled: {units} (reason {reason}; counts in the cancellation rate). The marketplace notifies the buyer by e-mail.</source>
      <translation>Articles annulés : {units} (motif « {reason} » ; comptés dans le taux d'annulations). Amazon prévient l'acheteur par e-mail.</translation>
    </message>
    <message>
      <source>Items cancelled: {units} (reason {reason}; does not count in the rate). The marketplace notifies the buyer by e-mail.</source>
      <translation>Articles annulés : {units} (motif « {reason} » ; non comptés dans le taux d'annulations). Amazon prévient l'acheteur par e-mail.</translation>
    </message>
    <message>
      <source>{item} × {quantity}: {amount}</source>
      <translation>{item} × {quantity} : {amount}</translation>
    </message>
  </context>
  <context>
    <name>PageFooter</name>
    <message>
      <source>Page {page} of {pages}</source>
      <translation>Page {page} sur {pages}</translation>
    </message>
  </context>
  <context>
    <name>PreferencesDialog</name>
    <message>
      <source>Preferences</source>
      <translation>Préférences</translation>
    </message>
    <message>
      <source>&amp;General</source>
      <translation>&amp;Général</translation>
    </message>
  </context>
  <context>
    <name>RateChart</name>
    <message>
      <source>7-day cancellation rate, last 60 days</source>
      <translation>Taux d'annulations sur 7 jours, 60 derniers jours</translation>
    </message>
    <message>
      <source>Cancellation rate (%)</source>
      <translation>Taux d'annulations (%)</translation>
    </message>
    <message>
      <source>Target: under {target} %</source>
      <translation>Objectif : moins de {target} %</translation>
    </message>
    <message>
      <source>dd/MM</source>
      <comment>chart date axis format</comment>
      <translation>dd/MM</translation>
    </message>
    <message>
      <source>%</source>
      <translation>%</translation>
    </message>
  </context>
  <context>
    <name>RateEffectLabel</name>
    <message>
      <source>Does not count: the buyer requested it officially.</source>
      <translation>Non comptée : l'acheteur l'a demandée officiellement.</translation>
    </message>
    <message>
      <source>Counts: 7-day rate {before} → {after}</source>
      <translation>Comptée : taux sur 7 jours {before} → {after}</translation>
    </message>
    <message>
      <source>, above the {target} target</source>
      <translation>, au-dessus de l'objectif de {target}</translation>
    </message>
    <message>
      <source>, below the {target} target</source>
      <translation>, sous l'objectif de {target}</translation>
    </message>
  </context>
  <context>
    <name>Reason</name>
    <message>
      <source>No reason given</source>
      <translation>Aucun motif indiqué</translation>
    </message>
    <message>
      <source>No inventory</source>
      <translation>Rupture de stock</translation>
    </message>
    <message>
      <source>Buyer canceled</source>
      <translation>Annulé par l'acheteur</translation>
    </message>
    <message>
      <source>General adjustment</source>
      <translation>Ajustement général</translation>
    </message>
    <message>
      <source>Pricing error</source>
      <translation>Erreur de prix</translation>
    </message>
    <message>
      <source>Shipping address undeliverable</source>
      <translation>Adresse de livraison non desservie</translation>
    </message>
    <message>
      <source>Customer exchange</source>
      <translation>Échange client</translation>
    </message>
    <message>
      <source>Carrier credit decision</source>
      <translation>Décision de crédit du transporteur</translation>
    </message>
    <message>
      <source>Risk assessment information not valid</source>
      <translation>Informations d'évaluation des risques non valides</translation>
    </message>
    <message>
      <source>Carrier coverage failure</source>
      <translation>Zone non couverte par le transporteur</translation>
    </message>
    <message>
      <source>Customer return</source>
      <translation>Retour client</translation>
    </message>
    <message>
      <source>Merchandise not received</source>
      <translation>Marchandise non reçue</translation>
    </message>
    <message>
      <source>Cannot verify information</source>
      <translation>Impossible de vérifier les informations</translation>
    </message>
    <message>
      <source>Reject order</source>
      <translation>Commande refusée</translation>
    </message>
    <message>
      <source>Weather delay</source>
      <translation>Retard dû aux intempéries</translation>
    </message>
    <message>
      <source>Could not ship</source>
      <translation>Impossible d'expédier</translation>
    </message>
    <message>
      <source>Different item</source>
      <translation>Article différent</translation>
    </message>
    <message>
      <source>Abandoned</source>
      <translation>Abandonné</translation>
    </message>
    <message>
      <source>Customer cancel</source>
      <translation>Annulation client</translation>
    </message>
    <message>
      <source>Price error</source>
      <translation>Erreur de prix</translation>
    </message>
    <message>
      <source>Unknown cancellation reason code {code!r}. Known codes: {known}.</source>
      <translation>Code Amazon du motif d'annulation inconnu {code!r}. Codes connus : {known}.</translation>
    </message>
    <message>
      <source>Unknown refund reason code {code!r}. Known codes: {known}.</source>
      <translation>Code Amazon du motif de remboursement inconnu {code!r}. Codes connus : {known}.</translation>
    </message>
  </context>
  <context>
    <name>RefundDialog</name>
    <message>
      <source>Refund — {order}</source>
      <translation>Remboursement — {order}</translation>
    </message>
    <message>
      <source>&amp;Refund the buyer</source>
      <translation>&amp;Rembourser l'acheteur</translation>
    </message>
    <message>
      <source>Refunds apply to shipment-confirmed units. Amounts are totals for the item line; type an amount or a percentage of what was charged (e.g. 50 %).</source>
      <translation>Les remboursements portent sur les unités dont l'expédition est confirmée. Les montants sont des totaux pour la ligne d'article ; saisissez un montant ou un pourcentage de ce qui a été facturé (par ex. 50 %).</translation>
    </message>
    <message>
      <source>&amp;Full refund of everything still refundable</source>
      <translation>Remboursement &amp;complet de tout ce qui reste remboursable</translation>
    </message>
    <message>
      <source>Not shipment-confirmed, so nothing was charged (cancel instead): {items}</source>
      <translation>Expédition non confirmée, donc rien n'a été facturé (annulez plutôt) : {items}</translation>
    </message>
    <message>
      <source>Not graded (no restocking fee)</source>
      <translation>Non évalué (pas de frais de restockage)</translation>
    </message>
    <message>
      <source>Adjustment rea&amp;son:</source>
      <translation>&amp;Motif de l'ajustement :</translation>
    </message>
    <message>
      <source>Returned item's &amp;condition:</source>
      <translation>&amp;État de l'article retourné :</translation>
    </message>
    <message numerus="yes">
      <source>{item} (%n unit(s) shipped)</source>
      <translation>
        <numerusform>{item} (%Ln unité expédiée)</numerusform>
        <numerusform>{item} (%Ln unités expédiées)</numerusform>
      </translation>
    </message>
    <message>
      <source>Refund &amp;everything still refundable</source>
      <translation>Rembourser &amp;tout ce qui reste remboursable</translation>
    </message>
    <message>
      <source>Component</source>
      <translation>Composante</translation>
    </message>
    <message>
      <source>Charged</source>
      <translation>Facturé</translation>
    </message>
    <message>
      <source>Refundable</source>
      <translation>Remboursable</translation>
    </message>
    <message>
      <source>Refund</source>
      <translation>À rembourser</translation>
    </message>
    <message>
      <source>0.00 or %</source>
      <translation>0,00 ou %</translation>
    </message>
    <message>
      <source>Restocking fee</source>
      <translation>Frais de restockage</translation>
    </message>
    <message>
      <source>amount or % of price</source>
      <translation>montant ou % du prix</translation>
    </message>
    <message>
      <source>The buyer gets back: —</source>
      <translation>L'acheteur récupère : —</translation>
    </message>
    <message>
      <source>Tick a full refund or type an amount for an item to refund it.</source>
      <translation>Cochez un remboursement complet ou saisissez un montant pour rembourser un article.</translation>
    </message>
    <message>
      <source>needs a condition</source>
      <translation>état requis</translation>
    </message>
    <message>
      <source>at most {amount} ({percent} %)</source>
      <translation>au plus {amount} ({percent} %)</translation>
    </message>
    <message>
      <source>This item: {refund} − {fee} restocking fee = {net} refunded</source>
      <translation>Cet article : {refund} − {fee} de frais de restockage = {net} remboursés</translation>
    </message>
    <message>
      <source>This item: {refund} refunded</source>
      <translation>Remboursement pour cet article : {refund}</translation>
    </message>
    <message>
      <source>The buyer gets back: {net}</source>
      <translation>L'acheteur récupère : {net}</translation>
    </message>
    <message>
      <source>Recorded now with reason {reason}; it goes into your next order adjustment file.</source>
      <translation>Enregistré maintenant avec le motif « {reason} » ; le remboursement ira dans votre prochain fichier d'ajustement de commandes.</translation>
    </message>
  </context>
  <context>
    <name>Refunds</name>
    <message>
      <source>item price</source>
      <translation>prix de l'article</translation>
    </message>
    <message>
      <source>item tax</source>
      <translation>taxe sur l'article</translation>
    </message>
    <message>
      <source>shipping</source>
      <translation>livraison</translation>
    </message>
    <message>
      <source>shipping tax</source>
      <translation>taxe sur la livraison</translation>
    </message>
    <message>
      <source>A restocking fee of 20 % or more of the item price needs a photo of the item: keep one in case the buyer disputes it.</source>
      <translation>Des frais de restockage de 20 % ou plus du prix de l'article exigent une photo de l'article : gardez-en une au cas où l'acheteur les contesterait.</translation>
    </message>
    <message>
      <source>Item {ref} is not shipment-confirmed, so nothing was charged for it: cancel it instead of refunding.</source>
      <translation>L'expédition de l'article {ref} n'est pas confirmée, donc rien n'a été facturé : annulez-le au lieu de le rembourser.</translation>
    </message>
    <message>
      <source>Say what to refund for item {ref}: an amount for the item price, item tax, shipping or shipping tax, or the full refund.</source>
      <translation>Indiquez quoi rembourser pour l'article {ref} : un montant pour le prix, la taxe, la livraison ou la taxe sur la livraison, ou le remboursement complet.</translation>
    </message>
    <message>
      <source>Item {ref}: only {left} of the {component} is left to refund (charged {charged}, already refunded {refunded}); you asked {asked}.</source>
      <translation>Article {ref} : il ne reste que {left} à rembourser sur « {component} » (facturé {charged}, déjà remboursé {refunded}) ; vous avez demandé {asked}.</translation>
    </message>
    <message>
      <source>Item {ref} is already refunded in full: nothing is left.</source>
      <translation>L'article {ref} est déjà entièrement remboursé : il ne reste rien.</translation>
    </message>
    <message>
      <source>The refund for item {ref} is zero.</source>
      <translation>Le remboursement de l'article {ref} est nul.</translation>
    </message>
    <message>
      <source>A restocking fee needs the condition of the returned item: choose a condition grade or record the return as received first.</source>
      <translation>Des frais de restockage exigent l'état de l'article retourné : choisissez un état ou enregistrez d'abord la réception du retour.</translation>
    </message>
    <message>
      <source>Item {ref}: a restocking fee of {fee} is above the ceiling for {condition} returns ({percent} % of the item price {price}{earlier}); at most {limit}.</source>
      <translation>Article {ref} : des frais de restockage de {fee} dépassent le plafond pour un retour à l'état « {condition} » ({percent} % du prix de l'article, {price}{earlier}) ; au plus {limit}.</translation>
    </message>
    <message>
      <source>, {fees} already deducted</source>
      <translation>, dont {fees} déjà déduits</translation>
    </message>
    <message>
      <source>Item {ref}: the restocking fee {fee} is more than the item-price refund {refund}; the fee is deducted from the item price only.</source>
      <translation>Article {ref} : les frais de restockage de {fee} dépassent le remboursement du prix de l'article {refund} ; les frais ne se déduisent que du prix de l'article.</translation>
    </message>
    <message>
      <source>Name at least one item to refund.</source>
      <translation>Indiquez au moins un article à rembourser.</translation>
    </message>
    <message>
      <source>Item {ref} is named twice.</source>
      <translation>L'article {ref} est indiqué deux fois.</translation>
    </message>
    <message>
      <source>{item} {amount} minus restocking fee {fee}</source>
      <translation>{item} {amount} moins {fee} de frais de restockage</translation>
    </message>
    <message>
      <source>{item} {amount}</source>
      <translation>{item} {amount}</translation>
    </message>
    <message>
      <source>Refunded {amount} to the buyer (reason {reason}): {parts}.</source>
      <translation>Remboursement de {amount} à l'acheteur (motif « {reason} ») : {parts}.</translation>
    </message>
  </context>
  <context>
    <name>Restocking</name>
    <message>
      <source>New — returned as new within policy</source>
      <translation>Neuf — retourné à l'état neuf dans les délais</translation>
    </message>
    <message>
      <source>Late — unopened, returned after the deadline</source>
      <translation>Tardif — non ouvert, retourné après le délai</translation>
    </message>
    <message>
      <source>Opened</source>
      <translation>Ouvert</translation>
    </message>
    <message>
      <source>Used</source>
      <translation>Utilisé</translation>
    </message>
    <message>
      <source>Damaged</source>
      <translation>Endommagé</translation>
    </message>
    <message>
      <source>Unknown condition grade {raw!r}. Grades: {known}.</source>
      <translation>État inconnu {raw!r}. États : {known}.</translation>
    </message>
    <message>
      <source>{raw!r} is not an amount: write 14.90 or a percentage like 20%.</source>
      <translation>{raw!r} n'est pas un montant : écrivez 14,90 ou un pourcentage comme 20 %.</translation>
    </message>
    <message>
      <source>{raw!r}: an amount cannot be negative.</source>
      <translation>{raw!r} : un montant ne peut pas être négatif.</translation>
    </message>
    <message>
      <source>{raw!r}: amounts have at most two decimals.</source>
      <translation>{raw!r} : les montants ont au plus deux décimales.</translation>
    </message>
  </context>
  <context>
    <name>RestoreConfirmation</name>
    <message>
      <source>Restore from backup</source>
      <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
      <source>Replace the orders in SellerDesk by this backup?</source>
      <translation>Remplacer les commandes de SellerDesk par cette sauvegarde ?</translation>
    </message>
    <message numerus="yes">
      <source>Backup taken {taken}, with %n order(s):</source>
      <translation>
        <numerusform>Sauvegarde du {taken}, avec %Ln commande :</numerusform>
        <numerusform>Sauvegarde du {taken}, avec %Ln commandes :</numerusform>
      </translation>
    </message>
    <message>
      <source>It replaces everything in the database now open:</source>
      <translation>Elle remplace tout le contenu de la base de données ouverte :</translation>
    </message>
    <message>
      <source>That database is backed up first, so you can come back to it, into:</source>
      <translation>Cette base est d'abord sauvegardée, pour que vous puissiez y revenir, dans :</translation>
    </message>
    <message>
      <source>&amp;Restore</source>
      <translation>&amp;Restaurer</translation>
    </message>
  </context>
  <context>
    <name>ReturnDialog</name>
    <message>
      <source>Return — {order}</source>
      <translation>Retour — {order}</translation>
    </message>
    <message>
      <source>The parcel is &amp;coming back (return expected)</source>
      <translation>Le colis &amp;revient (retour attendu)</translation>
    </message>
    <message>
      <source>The c&amp;arrier brings it back (wrong address or buyer unreachable)</source>
      <translation>Le &amp;transporteur le ramène (adresse erronée ou acheteur injoignable)</translation>
    </message>
    <message>
      <source>The parcel is &amp;back (return received)</source>
      <translation>Le colis est re&amp;venu (retour reçu)</translation>
    </message>
    <message>
      <source>Choose the condition…</source>
      <translation>Choisissez l'état…</translation>
    </message>
    <message>
      <source>Con&amp;dition:</source>
      <translation>Ét&amp;at :</translation>
    </message>
    <message>
      <source>&amp;Record the return</source>
      <translation>&amp;Enregistrer le retour</translation>
    </message>
    <message>
      <source>Choose the condition the item came back in.</source>
      <translation>Choisissez l'état dans lequel l'article est revenu.</translation>
    </message>
  </context>
  <context>
    <name>Returns</name>
    <message>
      <source>A return is already expected for this order (recorded {when}): record it as received when the parcel is back.</source>
      <translation>Un retour est déjà attendu pour cette commande (enregistré le {when}) : enregistrez sa réception quand le colis est revenu.</translation>
    </message>
    <message>
      <source>The return is recorded as expected. When the parcel is back, record it as received with its condition.</source>
      <translation>Le retour est enregistré comme attendu. Quand le colis est revenu, enregistrez sa réception avec son état.</translation>
    </message>
    <message>
      <source>Shipment was confirmed, but the buyer is already refunded in full: the return is recorded, nothing is left to refund.</source>
      <translation>L'expédition a été confirmée, mais l'acheteur est déjà entièrement remboursé : le retour est enregistré, il ne reste rien à rembourser.</translation>
    </message>
    <message>
      <source>Shipment was confirmed, so the buyer must be refunded by {due} (two business days), minus the restocking fee the condition allows.</source>
      <translation>L'expédition a été confirmée : l'acheteur doit être remboursé au plus tard le {due} (deux jours ouvrés), moins les frais de restockage que l'état permet.</translation>
    </message>
    <message>
      <source>Shipment was never confirmed, so the order will be cancelled (reason {reason}) instead of refunded. This counts in your cancellation rate.</source>
      <translation>L'expédition n'a jamais été confirmée : la commande sera annulée (motif « {reason} ») au lieu d'être remboursée. Cette annulation sera comptée dans votre taux d'annulations.</translation>
    </message>
    <message>
      <source>Shipment was never confirmed, so the order will be cancelled (reason {reason}) instead of refunded. The buyer requested it officially: it does not count in your cancellation rate.</source>
      <translation>L'expédition n'a jamais été confirmée : la commande sera annulée (motif « {reason} ») au lieu d'être remboursée. L'acheteur l'a demandée officiellement : elle ne sera pas comptée dans votre taux d'annulations.</translation>
    </message>
    <message>
      <source>Return expected: the carrier is sending the parcel back.</source>
      <translation>Retour attendu : le transporteur renvoie le colis.</translation>
    </message>
    <message>
      <source>Return expected: the buyer is sending the parcel back.</source>
      <translation>Retour attendu : l'acheteur renvoie le colis.</translation>
    </message>
    <message>
      <source>Return received ({condition}); refund due by {due}.</source>
      <translation>Retour reçu (état : {condition}) ; remboursement dû au plus tard le {due}.</translation>
    </message>
    <message>
      <source>Return received ({condition}); the buyer was already refunded.</source>
      <translation>Retour reçu (état : {condition}) ; l'acheteur a déjà été remboursé.</translation>
    </message>
    <message>
      <source>Return received ({condition}) before shipment was confirmed; the order is cancelled instead of refunded.</source>
      <translation>Retour reçu (état : {condition}) avant la confirmation de l'expédition ; la commande est annulée au lieu d'être remboursée.</translation>
    </message>
    <message>
      <source>Say in what condition the item came back: --condition new, late, opened, used or damaged.</source>
      <translation>Indiquez dans quel état l'article est revenu : --condition new, late, opened, used ou damaged.</translation>
    </message>
  </context>
  <context>
    <name>Rules</name>
    <message>
      <source>Amazon is still verifying the buyer's payment. A pending order has no address yet and must not be shipped, even if the buyer writes to you.</source>
      <translation>Amazon vérifie encore le paiement de l'acheteur. Une commande en attente n'a pas encore d'adresse et ne doit pas être expédiée, même si l'acheteur vous écrit.</translation>
    </message>
    <message>
      <source>Cancel becomes available once Amazon has verified the payment; until then the order is pending.</source>
      <translation>L'annulation devient possible une fois le paiement vérifié par Amazon ; d'ici là, la commande est en attente.</translation>
    </message>
    <message>
      <source>Hidden until payment is verified: Amazon gives no address or buyer contact for a pending order. Send a buyer who writes to Amazon customer service.</source>
      <translation>Masqué jusqu'à la vérification du paiement : Amazon ne donne ni adresse ni coordonnées de l'acheteur pour une commande en attente. Orientez l'acheteur qui vous écrit vers le Service client Amazon.</translation>
    </message>
    <message>
      <source>This order is cancelled.</source>
      <translation>Cette commande est annulée.</translation>
    </message>
    <message>
      <source>Ship only to the address on the order. If it is wrong, ask the buyer to cancel and order again with the right address (or, once shipped, ask the carrier to return it).</source>
      <translation>Expédiez uniquement à l'adresse indiquée sur la commande. Si elle est erronée, demandez à l'acheteur d'annuler et de repasser commande avec la bonne adresse (ou, une fois expédiée, demandez au transporteur de retourner le colis).</translation>
    </message>
    <message>
      <source>Fulfilled by Amazon: Amazon verifies the payment and ships this order itself.</source>
      <translation>Expédié par Amazon : Amazon vérifie le paiement et expédie lui-même cette commande.</translation>
    </message>
    <message>
      <source>Fulfilled by Amazon: Amazon ships this order from its own warehouse; there is nothing for you to ship or confirm.</source>
      <translation>Expédié par Amazon : Amazon expédie cette commande depuis son propre entrepôt ; vous n’avez rien à expédier ni à confirmer.</translation>
    </message>
    <message>
      <source>Fulfilled by Amazon: only Amazon can cancel this order. Send a buyer who wants to cancel to Amazon customer service.</source>
      <translation>Expédié par Amazon : seul Amazon peut annuler cette commande. Orientez l’acheteur qui veut annuler vers le Service client Amazon.</translation>
    </message>
    <message>
      <source>Fulfilled by Amazon: only Amazon can cancel items of this order. Send a buyer who wants to cancel to Amazon customer service.</source>
      <translation>Expédié par Amazon : seul Amazon peut annuler des articles de cette commande. Orientez l’acheteur qui veut annuler vers le Service client Amazon.</translation>
    </message>
    <message>
      <source>Fulfilled by Amazon: Amazon refunds this order itself; a refund from SellerDesk would not reach the buyer.</source>
      <translation>Expédié par Amazon : Amazon rembourse lui-même cette commande ; un remboursement depuis SellerDesk ne parviendrait pas à l’acheteur.</translation>
    </message>
    <message>
      <source>Fulfilled by Amazon: returns of this order go back to Amazon's warehouse, and Amazon handles them.</source>
      <translation>Expédié par Amazon : les retours de cette commande reviennent à l’entrepôt d’Amazon, qui s’en occupe.</translation>
    </message>
    <message>
      <source>The payment of this order is already verified.</source>
      <translation>Le paiement de cette commande est déjà vérifié.</translation>
    </message>
    <message>
      <source>Every item of this order is already shipped.</source>
      <translation>Tous les articles de cette commande sont déjà expédiés.</translation>
    </message>
    <message>
      <source>The order is shipped, so it can no longer be cancelled: refund the buyer instead (after the return if the buyer sends the parcel back).</source>
      <translation>La commande est expédiée : elle ne peut plus être annulée. Remboursez plutôt l'acheteur (après le retour si l'acheteur renvoie le colis).</translation>
    </message>
    <message>
      <source>Nothing has been charged yet: Amazon is still verifying the payment.</source>
      <translation>Rien n'a encore été facturé : Amazon vérifie encore le paiement.</translation>
    </message>
    <message>
      <source>Nothing is shipment-confirmed yet, so nothing was charged: cancel the order or items instead of refunding.</source>
      <translation>Aucune expédition n'est encore confirmée, donc rien n'a été facturé : annulez la commande ou des articles au lieu de rembourser.</translation>
    </message>
    <message>
      <source>Amazon is still verifying the payment: send a buyer who wants to cancel a pending order to Amazon customer service.</source>
      <translation>Amazon vérifie encore le paiement : adressez l'acheteur qui veut annuler une commande en attente au service client d'Amazon.</translation>
    </message>
    <message>
      <source>The buyer already requested cancellation officially: cancel with the reason Buyer Canceled and it will not count in your cancellation rate.</source>
      <translation>L'acheteur a déjà demandé l'annulation officiellement : annulez avec le motif « Annulé par l'acheteur » et elle ne comptera pas dans votre taux d'annulations.</translation>
    </message>
    <message>
      <source>Already noted: the buyer asked to cancel by message. Reply with the message asking for the official request.</source>
      <translation>Déjà noté : l'acheteur a demandé l'annulation par message. Répondez avec le message demandant la demande officielle.</translation>
    </message>
    <message>
      <source>Does not count in your cancellation rate: the buyer requested it officially.</source>
      <translation>Non comptée dans votre taux d'annulations : l'acheteur l'a demandée officiellement.</translation>
    </message>
    <message>
      <source>Counts in your cancellation rate: the buyer did not use Request cancellation. Ask the buyer to request it from Your Account &gt; Your Orders &gt; Request cancellation, and it will not count.</source>
      <translation>Comptée dans votre taux d'annulations : l'acheteur n'a pas utilisé « Demander une annulation ». Demandez-lui de passer par « Votre compte &gt; Vos commandes &gt; Demander une annulation » : l'annulation ne sera alors pas comptée.</translation>
    </message>
    <message>
      <source>Counts in your cancellation rate: you cancel it as the seller.</source>
      <translation>Comptée dans votre taux d'annulations : vous l'annulez en tant que vendeur.</translation>
    </message>
  </context>
  <context>
    <name>Settings</name>
    <message>
      <source>Unknown language {value!r}: choose fr or en.</source>
      <translation>Langue inconnue {value!r} : choisissez fr ou en.</translation>
    </message>
    <message>
      <source>{value!r} is not a number of backups: write a number from 1 to {most}.</source>
      <translation>{value!r} n'est pas un nombre de sauvegardes : écrivez un nombre de 1 à {most}.</translation>
    </message>
    <message>
      <source>{value!r} is not a percentage: write a number from 0 to 100.</source>
      <translation>{value!r} n'est pas un pourcentage : écrivez un nombre de 0 à 100.</translation>
    </message>
  </context>
  <context>
    <name>ShipDialog</name>
    <message>
      <source>Confirm shipment — {order}</source>
      <translation>Confirmer l'expédition — {order}</translation>
    </message>
    <message>
      <source>Other (type its name)</source>
      <translation>Autre (saisissez son nom)</translation>
    </message>
    <message>
      <source>The carrier's name</source>
      <translation>Le nom du transporteur</translation>
    </message>
    <message>
      <source>Carrier &amp;name:</source>
      <translation>&amp;Nom du transporteur :</translation>
    </message>
    <message>
      <source>As printed on the label</source>
      <translation>Tel qu'imprimé sur l'étiquette</translation>
    </message>
    <message>
      <source>&amp;Carrier:</source>
      <translation>&amp;Transporteur :</translation>
    </message>
    <message>
      <source>&amp;Tracking number:</source>
      <translation>Numéro de &amp;suivi :</translation>
    </message>
    <message>
      <source>Ship &amp;date:</source>
      <translation>&amp;Date d'expédition :</translation>
    </message>
    <message>
      <source>Units shipping now</source>
      <translation>Unités expédiées maintenant</translation>
    </message>
    <message>
      <source> of {open}</source>
      <translation> sur {open}</translation>
    </message>
    <message>
      <source>The shipment goes into your next shipping confirmation file. Once Amazon has it, the buyer is charged and gets the tracking details.</source>
      <translation>L'expédition ira dans votre prochain fichier de confirmation d'expédition. Dès qu'Amazon l'a reçu, l'acheteur est débité et reçoit les informations de suivi.</translation>
    </message>
    <message>
      <source>Confirm &amp;shipment</source>
      <translation>Confirmer l'&amp;expédition</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Fermer</translation>
    </message>
    <message>
      <source>Choose at least one unit to ship.</source>
      <translation>Choisissez au moins une unité à expédier.</translation>
    </message>
  </context>
  <context>
    <name>Status</name>
    <message>
      <source>Pending</source>
      <translation>En attente</translation>
    </message>
    <message>
      <source>Unshipped</source>
      <translation>Non expédiée</translation>
    </message>
    <message>
      <source>Partially shipped</source>
      <translation>Partiellement expédiée</translation>
    </message>
    <message>
      <source>Shipped</source>
      <translation>Expédiée</translation>
    </message>
    <message>
      <source>Canceled</source>
      <translation>Annulée</translation>
    </message>
  </context>
  <context>
    <name>Summary</name>
    <message>
      <source>The period starts on {start}, after its end on {end}.</source>
      <translation>Le début de la période ({start}) est après sa fin ({end}) : choisissez une date de début antérieure.</translation>
    </message>
    <message>
      <source>There is no order {order_ids} in this database.</source>
      <translation>Il n'y a pas de commande {order_ids} dans cette base de données.</translation>
    </message>
  </context>
  <context>
    <name>SummaryDialog</name>
    <message>
      <source>Cancellation summary</source>
      <translation>Récapitulatif des annulations</translation>
    </message>
    <message>
      <source>Cancellations of the selected orders: {orders}</source>
      <translation>Annulations des commandes sélectionnées : {orders}</translation>
    </message>
    <message>
      <source>Reading the cancellations…</source>
      <translation>Lecture des annulations…</translation>
    </message>
    <message numerus="yes">
      <source>%n cancellation(s); counted in the rate: {counted}. 7-day cancellation rate at the end of the period: {rate} %.</source>
      <translation>
        <numerusform>%Ln annulation ; comptées dans le taux : {counted}. Taux d'annulations sur 7 jours à la fin de la période : {rate} %.</numerusform>
        <numerusform>%Ln annulations ; comptées dans le taux : {counted}. Taux d'annulations sur 7 jours à la fin de la période : {rate} %.</numerusform>
      </translation>
    </message>
    <message>
      <source>Pages written: {done} of {total}</source>
      <translation>Pages écrites : {done} sur {total}</translation>
    </message>
    <message>
      <source>SellerDesk hit an unexpected problem ({error}).</source>
      <translation>SellerDesk a rencontré un problème inattendu ({error}).</translation>
    </message>
    <message>
      <source>&amp;From</source>
      <translation>&amp;Du</translation>
    </message>
    <message>
      <source>&amp;To (included)</source>
      <translation>&amp;Au (inclus)</translation>
    </message>
    <message>
      <source>Print pre&amp;view…</source>
      <translation>A&amp;perçu avant impression…</translation>
    </message>
    <message>
      <source>&amp;Print…</source>
      <translation>&amp;Imprimer…</translation>
    </message>
    <message>
      <source>Save as P&amp;DF…</source>
      <translation>&amp;Enregistrer en PDF…</translation>
    </message>
    <message>
      <source>Laying out the pages…</source>
      <translation>Mise en page…</translation>
    </message>
    <message>
      <source>Save the summary as PDF</source>
      <translation>Enregistrer le récapitulatif en PDF</translation>
    </message>
    <message>
      <source>Stop</source>
      <translation>Arrêter</translation>
    </message>
    <message numerus="yes">
      <source>Saved {path} (%n page(s)).</source>
      <translation>
        <numerusform>{path} enregistré (%Ln page).</numerusform>
        <numerusform>{path} enregistré (%Ln pages).</numerusform>
      </translation>
    </message>
    <message>
      <source>Stopped: no PDF was saved.</source>
      <translation>Arrêté : aucun PDF n'a été enregistré.</translation>
    </message>
    <message>
      <source>cancellation-summary.pdf</source>
      <translation>recapitulatif-annulations.pdf</translation>
    </message>
    <message>
      <source>PDF documents (*.pdf)</source>
      <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
      <source>Could not write {path}: {error}</source>
      <translation>Impossible d'écrire {path} : {error}</translation>
    </message>
  </context>
  <context>
    <name>SummaryDocumentBuilder</name>
    <message>
      <source>Cancellation summary — {shop}</source>
      <translation>Récapitulatif des annulations — {shop}</translation>
    </message>
    <message>
      <source>Printed on {moment}</source>
      <translation>Imprimé le {moment}</translation>
    </message>
    <message>
      <source>7-day cancellation rate at the start of the period ({moment}): {rate}</source>
      <translation>Taux d'annulations sur 7 jours au début de la période ({moment}) : {rate}</translation>
    </message>
    <message>
      <source>beginning of {day}</source>
      <translation>début du {day}</translation>
    </message>
    <message>
      <source>7-day cancellation rate at the end of the period ({moment}): {rate}</source>
      <translation>Taux d'annulations sur 7 jours à la fin de la période ({moment}) : {rate}</translation>
    </message>
    <message>
      <source>Period: from {start} to {end} (cancellations made on these days)</source>
      <translation>Période : du {start} au {end} (annulations effectuées ces jours-là)</translation>
    </message>
    <message>
      <source>selected orders: {orders}</source>
      <translation>commandes sélectionnées : {orders}</translation>
    </message>
    <message>
      <source>end of {day}</source>
      <translation>fin du {day}</translation>
    </message>
    <message numerus="yes">
      <source>{percent} % (%n of {orders} orders)</source>
      <translation>
        <numerusform>{percent} % (%Ln commande sur {orders})</numerusform>
        <numerusform>{percent} % (%Ln commandes sur {orders})</numerusform>
      </translation>
    </message>
    <message>
      <source>Above the target: keep it under {target} %.</source>
      <translation>Au-dessus de l'objectif : restez sous {target} %.</translation>
    </message>
    <message>
      <source>Within the target (under {target} %).</source>
      <translation>Dans l'objectif (moins de {target} %).</translation>
    </message>
    <message>
      <source>Order</source>
      <translation>Commande</translation>
    </message>
    <message>
      <source>Cancelled on</source>
      <translation>Annulée le</translation>
    </message>
    <message>
      <source>Items and quantities</source>
      <translation>Articles et quantités</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>Motif</translation>
    </message>
    <message>
      <source>Initiated by</source>
      <translation>À l'initiative de</translation>
    </message>
    <message>
      <source>In the rate</source>
      <translation>Dans le taux</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>Valeur</translation>
    </message>
    <message>
      <source>Value, not charged</source>
      <translation>Valeur non facturée</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>oui</translation>
    </message>
    <message>
      <source>no</source>
      <translation>non</translation>
    </message>
    <message>
      <source>not charged</source>
      <translation>non facturé</translation>
    </message>
    <message>
      <source>Cancellations ({count})</source>
      <translation>Annulations ({count})</translation>
    </message>
    <message>
      <source>A cancellation takes only items that were never shipment-confirmed, and the buyer is charged only for shipment-confirmed items: these values were never charged, so none of them is a refund.</source>
      <translation>Une annulation ne porte que sur des articles dont l'expédition n'a jamais été confirmée, et l'acheteur n'est débité que des articles expédiés : ces montants n'ont jamais été débités, aucun n'est un remboursement.</translation>
    </message>
    <message>
      <source>Cancellations</source>
      <translation>Annulations</translation>
    </message>
    <message>
      <source>Counted in the rate</source>
      <translation>Comptées dans le taux</translation>
    </message>
    <message>
      <source>Units</source>
      <translation>Unités</translation>
    </message>
    <message>
      <source>Cancellation summary</source>
      <translation>Récapitulatif des annulations</translation>
    </message>
    <message>
      <source>No cancellation in this period.</source>
      <translation>Aucune annulation sur cette période.</translation>
    </message>
    <message>
      <source>Total</source>
      <translation>Total</translation>
    </message>
    <message>
      <source>Totals by reason</source>
      <translation>Totaux par motif</translation>
    </message>
  </context>
  <context>
    <name>SyncController</name>
    <message>
      <source>Seller Central: syncing…</source>
      <translation>Seller Central : synchronisation…</translation>
    </message>
    <message>
      <source>Seller Central: not synced yet</source>
      <translation>Seller Central : pas encore synchronisé</translation>
    </message>
    <message>
      <source>Seller Central: offline (last try {moment})</source>
      <translation>Seller Central : hors ligne (dernier essai {moment})</translation>
    </message>
    <message>
      <source>Last sync: {moment}</source>
      <translation>Dernière synchro : {moment}</translation>
    </message>
    <message numerus="yes">
      <source>%n new order(s)</source>
      <translation>
        <numerusform>%Ln nouvelle commande</numerusform>
        <numerusform>%Ln nouvelles commandes</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n order(s) updated</source>
      <translation>
        <numerusform>%Ln commande mise à jour</numerusform>
        <numerusform>%Ln commandes mises à jour</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n file(s) sent</source>
      <translation>
        <numerusform>%Ln fichier envoyé</numerusform>
        <numerusform>%Ln fichiers envoyés</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n line(s) refused by the marketplace</source>
      <translation>
        <numerusform>%Ln ligne refusée par Amazon</numerusform>
        <numerusform>%Ln lignes refusées par Amazon</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Synced {moment}: %n order(s) new or changed</source>
      <translation>
        <numerusform>Synchro {moment} : %Ln commande nouvelle ou modifiée</numerusform>
        <numerusform>Synchro {moment} : %Ln commandes nouvelles ou modifiées</numerusform>
      </translation>
    </message>
    <message>
      <source>Sync with Seller Central</source>
      <translation>Synchroniser avec Seller Central</translation>
    </message>
    <message>
      <source>Connecting to Seller Central…</source>
      <translation>Connexion à Seller Central…</translation>
    </message>
    <message>
      <source>Stop</source>
      <translation>Arrêter</translation>
    </message>
    <message>
      <source>Sending what is to send and following the batches…</source>
      <translation>Envoi de ce qui est à envoyer et suivi des lots…</translation>
    </message>
    <message>
      <source>Downloading and importing All Orders (by last update)…</source>
      <translation>Téléchargement et import de Toutes les commandes (par dernière mise à jour)…</translation>
    </message>
    <message>
      <source>Downloading and importing unshipped orders…</source>
      <translation>Téléchargement et import des commandes non expédiées…</translation>
    </message>
    <message>
      <source>The sync failed unexpectedly ({error}).</source>
      <translation>La synchronisation a échoué de façon inattendue ({error}).</translation>
    </message>
    <message>
      <source>Order {order}: the buyer asked to cancel it.</source>
      <translation>Commande {order} : l'acheteur a demandé son annulation.</translation>
    </message>
    <message numerus="yes">
      <source>Order {order}: %n day(s) left before the marketplace may cancel it.</source>
      <translation>
        <numerusform>Commande {order} : %Ln jour avant que la place de marché puisse l'annuler.</numerusform>
        <numerusform>Commande {order} : %Ln jours avant que la place de marché puisse l'annuler.</numerusform>
      </translation>
    </message>
    <message>
      <source>SellerDesk</source>
      <translation>SellerDesk</translation>
    </message>
  </context>
  <context>
    <name>View</name>
    <message>
      <source>No order matches your search in this list. Search looks in order ids, buyer names, SKUs and product names; try fewer words or choose All orders.</source>
      <translation>Aucune commande de cette liste ne correspond à votre recherche. La recherche porte sur les numéros de commande, les noms des acheteurs, les SKU et les noms de produits ; essayez avec moins de mots ou choisissez « Toutes les commandes ».</translation>
    </message>
    <message>
      <source>All orders</source>
      <translation>Toutes les commandes</translation>
    </message>
    <message>
      <source>Pending</source>
      <translation>En attente</translation>
    </message>
    <message>
      <source>Unshipped</source>
      <translation>Non expédiées</translation>
    </message>
    <message>
      <source>Late</source>
      <translation>En retard</translation>
    </message>
    <message>
      <source>Buyer requested cancellation</source>
      <translation>Annulation demandée par l'acheteur</translation>
    </message>
    <message>
      <source>At risk of auto-cancellation</source>
      <translation>Risque d'annulation automatique</translation>
    </message>
    <message>
      <source>Shipped</source>
      <translation>Expédiées</translation>
    </message>
    <message>
      <source>Canceled</source>
      <translation>Annulées</translation>
    </message>
    <message>
      <source>Fulfilled by Amazon</source>
      <translation>Expédié par Amazon</translation>
    </message>
    <message>
      <source>Every order in this database.</source>
      <translation>Toutes les commandes de cette base.</translation>
    </message>
    <message>
      <source>Amazon is still verifying the payment: do not ship these yet.</source>
      <translation>Amazon vérifie encore le paiement : ne les expédiez pas encore.</translation>
    </message>
    <message>
      <source>Payment verified, units still to ship (partially shipped orders included).</source>
      <translation>Paiement vérifié, unités encore à expédier (commandes partiellement expédiées comprises).</translation>
    </message>
    <message>
      <source>Units still to ship and the ship-by date has passed.</source>
      <translation>Unités encore à expédier alors que la date limite d'expédition est passée.</translation>
    </message>
    <message>
      <source>The buyer used Request cancellation (cancelling with reason Buyer canceled does not count in your rate), or asked only by message (cancelling counts: reply asking for the official request).</source>
      <translation>L'acheteur a utilisé « Demander une annulation » (annuler avec le motif « Annulé par l'acheteur » ne compte pas dans votre taux), ou a seulement demandé par message (annuler compte : répondez en demandant la demande officielle).</translation>
    </message>
    <message>
      <source>Late orders Amazon may cancel automatically within a few days (7 days after the ship-by date).</source>
      <translation>Commandes en retard qu'Amazon peut annuler automatiquement d'ici quelques jours (7 jours après la date limite d'expédition).</translation>
    </message>
    <message>
      <source>Every unit is shipment-confirmed.</source>
      <translation>L'expédition de chaque unité est confirmée.</translation>
    </message>
    <message>
      <source>Cancelled by you, by the buyer or by Amazon.</source>
      <translation>Annulées par vous, par l'acheteur ou par Amazon.</translation>
    </message>
    <message>
      <source>Amazon ships these from its warehouse and handles their cancellations, returns and refunds: they are shown here to read only, and are in no work list, upload file or cancellation rate of yours.</source>
      <translation>Amazon les expédie depuis son entrepôt et se charge de leurs annulations, retours et remboursements : elles ne sont affichées ici qu'en lecture et n'entrent dans aucune de vos listes de travail, aucun fichier à charger ni votre taux d'annulations.</translation>
    </message>
    <message>
      <source>No orders yet. Import an order report from Seller Central.</source>
      <translation>Aucune commande pour l'instant. Importez un rapport sur les commandes depuis Seller Central.</translation>
    </message>
    <message>
      <source>No pending orders: every payment is verified.</source>
      <translation>Aucune commande en attente : tous les paiements sont vérifiés.</translation>
    </message>
    <message>
      <source>Nothing to ship. Well done!</source>
      <translation>Rien à expédier. Bravo !</translation>
    </message>
    <message>
      <source>No late orders: every order left on time.</source>
      <translation>Aucune commande en retard : toutes sont parties à temps.</translation>
    </message>
    <message>
      <source>No buyer has requested a cancellation.</source>
      <translation>Aucun acheteur n'a demandé d'annulation.</translation>
    </message>
    <message>
      <source>No order is at risk of being cancelled automatically.</source>
      <translation>Aucune commande ne risque d'être annulée automatiquement.</translation>
    </message>
    <message>
      <source>No shipped orders yet. Confirm a shipment from Unshipped.</source>
      <translation>Aucune commande expédiée pour l'instant. Confirmez une expédition depuis « Non expédiées ».</translation>
    </message>
    <message>
      <source>No cancelled orders.</source>
      <translation>Aucune commande annulée.</translation>
    </message>
    <message>
      <source>No order fulfilled by Amazon. The all-orders report lists them when you use Amazon's fulfilment.</source>
      <translation>Aucune commande expédiée par Amazon. Le rapport sur toutes les commandes les liste si vous utilisez l'expédition par Amazon.</translation>
    </message>
  </context>
  <context>
    <name>Welcome</name>
    <message>
      <source>Welcome to SellerDesk</source>
      <translation>Bienvenue dans SellerDesk</translation>
    </message>
    <message>
      <source>Your order database is empty. Start from your own orders, or look around with demo orders first.</source>
      <translation>Votre base de commandes est vide. Partez de vos propres commandes, ou découvrez d'abord l'application avec des commandes de démonstration.</translation>
    </message>
    <message>
      <source>Import an order report…</source>
      <translation>Importer un rapport sur les commandes…</translation>
    </message>
    <message>
      <source>In Seller Central: Reports &gt; Fulfilment &gt; All Orders (or Unshipped Orders), download the report, then choose the file here.</source>
      <translation>Dans Seller Central : « Rapports &gt; Expédition &gt; Toutes les commandes » (ou « Commandes non expédiées »), téléchargez le rapport, puis choisissez le fichier ici.</translation>
    </message>
    <message>
      <source>Try demo data</source>
      <translation>Essayer des données de démonstration</translation>
    </message>
    <message>
      <source>Opens a throw-away database with 200 demo orders; your data is not touched.</source>
      <translation>Ouvre une base jetable avec 200 commandes de démonstration ; vos données ne sont pas touchées.</translation>
    </message>
  </context>
  <context>
    <name>ImportDialog</name>
    <message numerus="yes">
      <source>%n new order(s) added; orders updated: {updated}; unchanged: {unchanged}.</source>
      <translation>
        <numerusform>%Ln nouvelle commande ajoutée ; commandes mises à jour : {updated} ; inchangées : {unchanged}.</numerusform>
        <numerusform>%Ln nouvelles commandes ajoutées ; commandes mises à jour : {updated} ; inchangées : {unchanged}.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n line(s) left out:</source>
      <translation>
        <numerusform>%Ln ligne écartée :</numerusform>
        <numerusform>%Ln lignes écartées :</numerusform>
      </translation>
    </message>
  </context>
</TS>