<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_GB">
  <context>
    <name>Backups</name>
    <message numerus="yes">
      <source>Backed up %n order(s) to {path}.</source>
      <translation>
        <numerusform>Backed up %Ln order to {path}.</numerusform>
        <numerusform>Backed up %Ln orders to {path}.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Restored %n order(s) from {path}, taken {taken}.</source>
      <translation>
        <numerusform>Restored %Ln order from {path}, taken {taken}.</numerusform>
        <numerusform>Restored %Ln orders from {path}, taken {taken}.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>BulkCancel</name>
    <message numerus="yes">
      <source>Cancels the whole order (%n unit(s)); the buyer is notified by e-mail.</source>
      <translation>
        <numerusform>Cancels the whole order (%Ln unit); the buyer is notified by e-mail.</numerusform>
        <numerusform>Cancels the whole order (%Ln units); the buyer is notified by e-mail.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Cancels item {item} (%n unit(s)); it goes into the order adjustment file once the rest of the order is shipped.</source>
      <translation>
        <numerusform>Cancels item {item} (%Ln unit); it goes into the order adjustment file once the rest of the order is shipped.</numerusform>
        <numerusform>Cancels item {item} (%Ln units); it goes into the order adjustment file once the rest of the order is shipped.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Cancels the %n unit(s) not yet shipped; they go into the order adjustment file.</source>
      <translation>
        <numerusform>Cancels the %Ln unit not yet shipped; they go into the order adjustment file.</numerusform>
        <numerusform>Cancels the %Ln units not yet shipped; they go into the order adjustment file.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Nothing was cancelled: %n line(s) of the file cannot be applied.</source>
      <translation>
        <numerusform>Nothing was cancelled: %Ln line of the file cannot be applied.</numerusform>
        <numerusform>Nothing was cancelled: %Ln lines of the file cannot be applied.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Cancellation file {file} applied: %n row(s); rows skipped: {skipped}.</source>
      <translation>
        <numerusform>Cancellation file {file} applied: %Ln row; rows skipped: {skipped}.</numerusform>
        <numerusform>Cancellation file {file} applied: %Ln rows; rows skipped: {skipped}.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Cancellation file {file} applied: %n row(s).</source>
      <translation>
        <numerusform>Cancellation file {file} applied: %Ln row.</numerusform>
        <numerusform>Cancellation file {file} applied: %Ln rows.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n cancellation(s) applied; lines skipped: {skipped}; counted in your cancellation rate: {counted}.</source>
      <translation>
        <numerusform>%Ln cancellation applied; lines skipped: {skipped}; counted in your cancellation rate: {counted}.</numerusform>
        <numerusform>%Ln cancellations applied; lines skipped: {skipped}; counted in your cancellation rate: {counted}.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>BulkCancelDialog</name>
    <message numerus="yes">
      <source>%n line(s) can be applied; left out because they cannot: {invalid}. Cancellations counted in your cancellation rate: {counted}.</source>
      <translation>
        <numerusform>%Ln line can be applied; left out because they cannot: {invalid}. Cancellations counted in your cancellation rate: {counted}.</numerusform>
        <numerusform>%Ln lines can be applied; left out because they cannot: {invalid}. Cancellations counted in your cancellation rate: {counted}.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Cancelling the orders of %n line(s)…</source>
      <translation>
        <numerusform>Cancelling the orders of %Ln line…</numerusform>
        <numerusform>Cancelling the orders of %Ln lines…</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>&amp;Apply %n valid row(s)</source>
      <translation>
        <numerusform>&amp;Apply %Ln valid row</numerusform>
        <numerusform>&amp;Apply %Ln valid rows</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>&amp;Apply the %n row(s)</source>
      <translation>
        <numerusform>&amp;Apply the %Ln row</numerusform>
        <numerusform>&amp;Apply the %Ln rows</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>CancelDialog</name>
    <message numerus="yes">
      <source>Cancels the %n unit(s) not shipped yet; the buyer gets a notification e-mail. It goes into your order adjustment file once the rest is shipped.</source>
      <translation>
        <numerusform>Cancels the %Ln unit not shipped yet; the buyer gets a notification e-mail. It goes into your order adjustment file once the rest is shipped.</numerusform>
        <numerusform>Cancels the %Ln units not shipped yet; the buyer gets a notification e-mail. It goes into your order adjustment file once the rest is shipped.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Deadline</name>
    <message numerus="yes">
      <source>auto-cancel in %n day(s)</source>
      <translation>
        <numerusform>auto-cancel in %Ln day</numerusform>
        <numerusform>auto-cancel in %Ln days</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>late by %n day(s)</source>
      <translation>
        <numerusform>late by %Ln day</numerusform>
        <numerusform>late by %Ln days</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n day(s) past the ship-by date. Amazon may cancel this order automatically 7 days after that date; ship it or cancel it now.</source>
      <translation>
        <numerusform>%Ln day past the ship-by date. Amazon may cancel this order automatically 7 days after that date; ship it or cancel it now.</numerusform>
        <numerusform>%Ln days past the ship-by date. Amazon may cancel this order automatically 7 days after that date; ship it or cancel it now.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Past the ship-by date: ship it now. Amazon may cancel it automatically in %n day(s).</source>
      <translation>
        <numerusform>Past the ship-by date: ship it now. Amazon may cancel it automatically in %Ln day.</numerusform>
        <numerusform>Past the ship-by date: ship it now. Amazon may cancel it automatically in %Ln days.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ExportDialog</name>
    <message numerus="yes">
      <source>%n new row(s) not yet in any file. Save, then upload the file in Seller Central.</source>
      <translation>
        <numerusform>%Ln new row not yet in any file. Save, then upload the file in Seller Central.</numerusform>
        <numerusform>%Ln new rows not yet in any file. Save, then upload the file in Seller Central.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Writing %n row(s)…</source>
      <translation>
        <numerusform>Writing %Ln row…</numerusform>
        <numerusform>Writing %Ln rows…</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Exports</name>
    <message numerus="yes">
      <source>Batch {batch}: {file} with %n row(s) written to {path}.</source>
      <translation>
        <numerusform>Batch {batch}: {file} with %Ln row written to {path}.</numerusform>
        <numerusform>Batch {batch}: {file} with %Ln rows written to {path}.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Batch {batch}: %n row(s) written to {path}. Upload this file in Seller Central.</source>
      <translation>
        <numerusform>Batch {batch}: %Ln row written to {path}. Upload this file in Seller Central.</numerusform>
        <numerusform>Batch {batch}: %Ln rows written to {path}. Upload this file in Seller Central.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Batch {batch} written again to {path} (%n row(s)).</source>
      <translation>
        <numerusform>Batch {batch} written again to {path} (%Ln row).</numerusform>
        <numerusform>Batch {batch} written again to {path} (%Ln rows).</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>FlatFiles</name>
    <message numerus="yes">
      <source>Line {line}: the header lacks %n column(s): {missing}; nothing was read.</source>
      <translation>
        <numerusform>Line {line}: the header lacks %Ln column: {missing}; nothing was read.</numerusform>
        <numerusform>Line {line}: the header lacks %Ln columns: {missing}; nothing was read.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>HealthPage</name>
    <message numerus="yes">
      <source>Cancelled and counted in the rate: %n of the {orders} orders purchased in the last 7 days. Target: under {target} %.</source>
      <translation>
        <numerusform>Cancelled and counted in the rate: %Ln of the {orders} orders purchased in the last 7 days. Target: under {target} %.</numerusform>
        <numerusform>Cancelled and counted in the rate: %Ln of the {orders} orders purchased in the last 7 days. Target: under {target} %.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Late shipment rate, {days} days: {rate} % (%n of the {shipped} orders confirmed after their ship-by date)</source>
      <translation>
        <numerusform>Late shipment rate, {days} days: {rate} % (%Ln of the {shipped} orders confirmed after their ship-by date)</numerusform>
        <numerusform>Late shipment rate, {days} days: {rate} % (%Ln of the {shipped} orders confirmed after their ship-by date)</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>…and %n more, not listed here.</source>
      <translation>
        <numerusform>…and %Ln more, not listed here.</numerusform>
        <numerusform>…and %Ln more, not listed here.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>…and %n more: the order list's “{filter}” filter shows every one.</source>
      <translation>
        <numerusform>…and %Ln more: the order list's “{filter}” filter shows every one.</numerusform>
        <numerusform>…and %Ln more: the order list's “{filter}” filter shows every one.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Import</name>
    <message numerus="yes">
      <source>Imported from {file}: new order, {status}, %n item(s).</source>
      <translation>
        <numerusform>Imported from {file}: new order, {status}, %Ln item.</numerusform>
        <numerusform>Imported from {file}: new order, {status}, %Ln items.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n line(s) of {files} cannot be read, so nothing was imported. Correct them, or skip the orders they belong to.</source>
      <translation>
        <numerusform>%Ln line of {files} cannot be read, so nothing was imported. Correct them, or skip the orders they belong to.</numerusform>
        <numerusform>%Ln lines of {files} cannot be read, so nothing was imported. Correct them, or skip the orders they belong to.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>{file} lacks %n required column(s): {columns}; nothing was imported.</source>
      <translation>
        <numerusform>{file} lacks %Ln required column: {columns}; nothing was imported.</numerusform>
        <numerusform>{file} lacks %Ln required columns: {columns}; nothing was imported.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ImportRunner</name>
    <message numerus="yes">
      <source>Importing %n report(s)…</source>
      <translation>
        <numerusform>Importing %Ln report…</numerusform>
        <numerusform>Importing %Ln reports…</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message numerus="yes">
      <source>No match in {current}; %n order(s) in {view}. Show them</source>
      <translation>
        <numerusform>No match in {current}; %Ln order in {view}. Show them</numerusform>
        <numerusform>No match in {current}; %Ln orders in {view}. Show them</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n order(s) shown</source>
      <translation>
        <numerusform>%Ln order shown</numerusform>
        <numerusform>%Ln orders shown</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Counted in the cancellation rate: %n of the {orders} orders purchased in the last 7 days (official buyer requests do not count).</source>
      <translation>
        <numerusform>Counted in the cancellation rate: %Ln of the {orders} orders purchased in the last 7 days (official buyer requests do not count).</numerusform>
        <numerusform>Counted in the cancellation rate: %Ln of the {orders} orders purchased in the last 7 days (official buyer requests do not count).</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Marketplace</name>
    <message numerus="yes">
      <source>%n order(s) new or updated</source>
      <translation>
        <numerusform>%Ln order new or updated</numerusform>
        <numerusform>%Ln orders new or updated</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n file(s) sent</source>
      <translation>
        <numerusform>%Ln file sent</numerusform>
        <numerusform>%Ln files sent</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n line(s) refused by the marketplace</source>
      <translation>
        <numerusform>%Ln line refused by the marketplace</numerusform>
        <numerusform>%Ln lines refused by the marketplace</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n line(s) accepted</source>
      <translation>
        <numerusform>%Ln line accepted</numerusform>
        <numerusform>%Ln lines accepted</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n line(s) refused</source>
      <translation>
        <numerusform>%Ln line refused</numerusform>
        <numerusform>%Ln lines refused</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Orders</name>
    <message numerus="yes">
      <source>Item {ref} has %n unit(s) left to ship or cancel; you asked to {verb} {asked}.</source>
      <translation>
        <numerusform>Item {ref} has %Ln unit left to ship or cancel; you asked to {verb} {asked}.</numerusform>
        <numerusform>Item {ref} has %Ln units left to ship or cancel; you asked to {verb} {asked}.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>RefundDialog</name>
    <message numerus="yes">
      <source>{item} (%n unit(s) shipped)</source>
      <translation>
        <numerusform>{item} (%Ln unit shipped)</numerusform>
        <numerusform>{item} (%Ln units shipped)</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>RestoreConfirmation</name>
    <message numerus="yes">
      <source>Backup taken {taken}, with %n order(s):</source>
      <translation>
        <numerusform>Backup taken {taken}, with %Ln order:</numerusform>
        <numerusform>Backup taken {taken}, with %Ln orders:</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>SummaryDialog</name>
    <message numerus="yes">
      <source>%n cancellation(s); counted in the rate: {counted}. 7-day cancellation rate at the end of the period: {rate} %.</source>
      <translation>
        <numerusform>%Ln cancellation; counted in the rate: {counted}. 7-day cancellation rate at the end of the period: {rate} %.</numerusform>
        <numerusform>%Ln cancellations; counted in the rate: {counted}. 7-day cancellation rate at the end of the period: {rate} %.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Saved {path} (%n page(s)).</source>
      <translation>
        <numerusform>Saved {path} (%Ln page).</numerusform>
        <numerusform>Saved {path} (%Ln pages).</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>SummaryDocumentBuilder</name>
    <message numerus="yes">
      <source>{percent} % (%n of {orders} orders)</source>
      <translation>
        <numerusform>{percent} % (%Ln of {orders} orders)</numerusform>
        <numerusform>{percent} % (%Ln of {orders} orders)</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>SyncController</name>
    <message numerus="yes">
      <source>%n new order(s)</source>
      <translation>
        <numerusform>%Ln new order</numerusform>
        <numerusform>%Ln new orders</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n order(s) updated</source>
      <translation>
        <numerusform>%Ln order updated</numerusform>
        <numerusform>%Ln orders updated</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n file(s) sent</source>
      <translation>
        <numerusform>%Ln file sent</numerusform>
        <numerusform>%Ln files sent</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n line(s) refused by the marketplace</source>
      <translation>
        <numerusform>%Ln line refused by the marketplace</numerusform>
        <numerusform>%Ln lines refused by the marketplace</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Synced {moment}: %n order(s) new or changed</source>
      <translation>
        <numerusform>Synced {moment}: %Ln order new or changed</numerusform>
        <numerusform>Synced {moment}: %Ln orders new or changed</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Order {order}: %n day(s) left before the marketplace may cancel it.</source>
      <translation>
        <numerusform>Order {order}: %Ln day left before the marketplace may cancel it.</numerusform>
        <numerusform>Order {order}: %Ln days left before the marketplace may cancel it.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ImportDialog</name>
    <message numerus="yes">
      <source>%n new order(s) added; orders updated: {updated}; unchanged: {unchanged}.</source>
      <translation>
        <numerusform>%Ln new order added; orders updated: {updated}; unchanged: {unchanged}.</numerusform>
        <numerusform>%Ln new orders added; orders updated: {updated}; unchanged: {unchanged}.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n line(s) left out:</source>
      <translation>
        <numerusform>%Ln line left out:</numerusform>
        <numerusform>%Ln lines left out:</numerusform>
      </translation>
    </message>
  </context>
</TS>