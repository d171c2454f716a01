<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_GB">
  <context>
    <name>Backups</name>
    <message numerus="yes">
      <source>Backed up %n order(s) to {path}.</source>
      <translation>
        <numerusform>Backed up %n order to {path}.</numerusform>
        <numerusform>Backed up %n orders to {path}.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Restored %n order(s) from {path}, taken {taken}.</source>
      <translation>
        <numerusform>Restored %n order from {path}, taken {taken}.</numerusform>
        <numerusform>Restored %n orders from {path}, taken {taken}.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>BulkCancel</name>
    <message numerus="yes">
      <source>Cancels the whole order (%n unit(s)); the buyer is notified by e-mail.</source>
      <translation>
        <numerusform>Cancels the whole order (%n unit); the buyer is notified by e-mail.</numerusform>
        <numerusform>Cancels the whole order (%n units); the buyer is notified by e-mail.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Cancels item {item} (%n unit(s)); it goes into the order adjustment file once the rest of the order is shipped.</source>
      <translation>
        <numerusform>Cancels item {item} (%n unit); it goes into the order adjustment file once the rest of the order is shipped.</numerusform>
        <numerusform>Cancels item {item} (%n units); it goes into the order adjustment file once the rest of the order is shipped.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Cancels the %n unit(s) not yet shipped; they go into the order adjustment file.</source>
      <translation>
        <numerusform>Cancels the %n unit not yet shipped; they go into the order adjustment file.</numerusform>
        <numerusform>Cancels the %n units not yet shipped; they go into the order adjustment file.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Nothing was cancelled: %n line(s) of the file cannot be applied.</source>
      <translation>
        <numerusform>Nothing was cancelled: %n line of the file cannot be applied.</numerusform>
        <numerusform>Nothing was cancelled: %n lines of the file cannot be applied.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Cancellation file {file} applied: %n row(s); rows skipped: {skipped}.</source>
      <translation>
        <numerusform>Cancellation file {file} applied: %n row; rows skipped: {skipped}.</numerusform>
        <numerusform>Cancellation file {file} applied: %n rows; rows skipped: {skipped}.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Cancellation file {file} applied: %n row(s).</source>
      <translation>
        <numerusform>Cancellation file {file} applied: %n row.</numerusform>
        <numerusform>Cancellation file {file} applied: %n rows.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n cancellation(s) applied; lines skipped: {skipped}; counted in your cancellation rate: {counted}.</source>
      <translation>
        <numerusform>%n cancellation applied; lines skipped: {skipped}; counted in your cancellation rate: {counted}.</numerusform>
        <numerusform>%n cancellations applied; lines skipped: {skipped}; counted in your cancellation rate: {counted}.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>BulkCancelDialog</name>
    <message numerus="yes">
      <source>%n line(s) can be applied; left out because they cannot: {invalid}. Cancellations counted in your cancellation rate: {counted}.</source>
      <translation>
        <numerusform>%n line can be applied; left out because they cannot: {invalid}. Cancellations counted in your cancellation rate: {counted}.</numerusform>
        <numerusform>%n lines can be applied; left out because they cannot: {invalid}. Cancellations counted in your cancellation rate: {counted}.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Cancelling the orders of %n line(s)…</source>
      <translation>
        <numerusform>Cancelling the orders of %n line…</numerusform>
        <numerusform>Cancelling the orders of %n lines…</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>&amp;Apply %n valid row(s)</source>
      <translation>
        <numerusform>&amp;Apply %n valid row</numerusform>
        <numerusform>&amp;Apply %n valid rows</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>&amp;Apply the %n row(s)</source>
      <translation>
        <numerusform>&amp;Apply the %n row</numerusform>
        <numerusform>&amp;Apply the %n rows</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>CancelDialog</name>
    <message numerus="yes">
      <source>Cancels the %n unit(s) not shipped yet; the buyer gets a notification e-mail. It goes into your order adjustment file once the rest is shipped.</source>
      <translation>
        <numerusform>Cancels the %n unit not shipped yet; the buyer gets a notification e-mail. It goes into your order adjustment file once the rest is shipped.</numerusform>
        <numerusform>Cancels the %n units not shipped yet; the buyer gets a notification e-mail. It goes into your order adjustment file once the rest is shipped.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Deadline</name>
    <message numerus="yes">
      <source>auto-cancel in %n day(s)</source>
      <translation>
        <numerusform>auto-cancel in %n day</numerusform>
        <numerusform>auto-cancel in %n days</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>late by %n day(s)</source>
      <translation>
        <numerusform>late by %n day</numerusform>
        <numerusform>late by %n days</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n day(s) past the ship-by date. Amazon may cancel this order automatically 7 days after that date; ship it or cancel it now.</source>
      <translation>
        <numerusform>%n day past the ship-by date. Amazon may cancel this order automatically 7 days after that date; ship it or cancel it now.</numerusform>
        <numerusform>%n days past the ship-by date. Amazon may cancel this order automatically 7 days after that date; ship it or cancel it now.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Past the ship-by date: ship it now. Amazon may cancel it automatically in %n day(s).</source>
      <translation>
        <numerusform>Past the ship-by date: ship it now. Amazon may cancel it automatically in %n day.</numerusform>
        <numerusform>Past the ship-by date: ship it now. Amazon may cancel it automatically in %n days.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ExportDialog</name>
    <message numerus="yes">
      <source>%n new row(s) not yet in any file. Save, then upload the file in Seller Central.</source>
      <translation>
        <numerusform>%n new row not yet in any file. Save, then upload the file in Seller Central.</numerusform>
        <numerusform>%n new rows not yet in any file. Save, then upload the file in Seller Central.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Writing %n row(s)…</source>
      <translation>
        <numerusform>Writing %n row…</numerusform>
        <numerusform>Writing %n rows…</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Exports</name>
    <message numerus="yes">
      <source>Batch {batch}: {file} with %n row(s) written to {path}.</source>
      <translation>
        <numerusform>Batch {batch}: {file} with %n row written to {path}.</numerusform>
        <numerusform>Batch {batch}: {file} with %n rows written to {path}.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Batch {batch}: %n row(s) written to {path}. Upload this file in Seller Central.</source>
      <translation>
        <numerusform>Batch {batch}: %n row written to {path}. Upload this file in Seller Central.</numerusform>
        <numerusform>Batch {batch}: %n rows written to {path}. Upload this file in Seller Central.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Batch {batch} written again to {path} (%n row(s)).</source>
      <translation>
        <numerusform>Batch {batch} written again to {path} (%n row).</numerusform>
        <numerusform>Batch {batch} written again to {path} (%n rows).</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>FlatFiles</name>
    <message numerus="yes">
      <source>Line {line}: the header lacks %n column(s): {missing}; nothing was read.</source>
      <translation>
        <numerusform>Line {line}: the header lacks %n column: {missing}; nothing was read.</numerusform>
        <numerusform>Line {line}: the header lacks %n columns: {missing}; nothing was read.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>HealthPage</name>
    <message numerus="yes">
      <source>Cancelled and counted in the rate: %n of the {orders} orders purchased in the last 7 days. Target: under {target} %.</source>
      <translation>
        <numerusform>Cancelled and counted in the rate: %n of the {orders} orders purchased in the last 7 days. Target: under {target} %.</numerusform>
        <numerusform>Cancelled and counted in the rate: %n of the {orders} orders purchased in the last 7 days. Target: under {target} %.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Late shipment rate, {days} days: {rate} % (%n of the {shipped} orders confirmed after their ship-by date)</source>
      <translation>
        <numerusform>Late shipment rate, {days} days: {rate} % (%n of the {shipped} orders confirmed after their ship-by date)</numerusform>
        <numerusform>Late shipment rate, {days} days: {rate} % (%n of the {shipped} orders confirmed after their ship-by date)</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Import</name>
    <message numerus="yes">
      <source>Imported from {file}: new order, {status}, %n item(s).</source>
      <translation>
        <numerusform>Imported from {file}: new order, {status}, %n item.</numerusform>
        <numerusform>Imported from {file}: new order, {status}, %n items.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n line(s) of {files} cannot be read, so nothing was imported. Correct them, or skip the orders they belong to.</source>
      <translation>
        <numerusform>%n line of {files} cannot be read, so nothing was imported. Correct them, or skip the orders they belong to.</numerusform>
        <numerusform>%n lines of {files} cannot be read, so nothing was imported. Correct them, or skip the orders they belong to.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>{file} lacks %n required column(s): {columns}; nothing was imported.</source>
      <translation>
        <numerusform>{file} lacks %n required column: {columns}; nothing was imported.</numerusform>
        <numerusform>{file} lacks %n required columns: {columns}; nothing was imported.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ImportDialog</name>
    <message numerus="yes">
      <source>%n new order(s) added; orders updated: {updated}; unchanged: {unchanged}.</source>
      <translation>
        <numerusform>%n new order added; orders updated: {updated}; unchanged: {unchanged}.</numerusform>
        <numerusform>%n new orders added; orders updated: {updated}; unchanged: {unchanged}.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n line(s) left out:</source>
      <translation>
        <numerusform>%n line left out:</numerusform>
        <numerusform>%n lines left out:</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ImportRunner</name>
    <message numerus="yes">
      <source>Importing %n report(s)…</source>
      <translation>
        <numerusform>Importing %n report…</numerusform>
        <numerusform>Importing %n reports…</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message numerus="yes">
      <source>No match in {current}; %n order(s) in {view}. Show them</source>
      <translation>
        <numerusform>No match in {current}; %n order in {view}. Show them</numerusform>
        <numerusform>No match in {current}; %n orders in {view}. Show them</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n order(s) shown</source>
      <translation>
        <numerusform>%n order shown</numerusform>
        <numerusform>%n orders shown</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Counted in the cancellation rate: %n of the {orders} orders purchased in the last 7 days (official buyer requests do not count).</source>
      <translation>
        <numerusform>Counted in the cancellation rate: %n of the {orders} orders purchased in the last 7 days (official buyer requests do not count).</numerusform>
        <numerusform>Counted in the cancellation rate: %n of the {orders} orders purchased in the last 7 days (official buyer requests do not count).</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Marketplace</name>
    <message numerus="yes">
      <source>%n order(s) new or updated</source>
      <translation>
        <numerusform>%n order new or updated</numerusform>
        <numerusform>%n orders new or updated</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n file(s) sent</source>
      <translation>
        <numerusform>%n file sent</numerusform>
        <numerusform>%n files sent</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n line(s) refused by the marketplace</source>
      <translation>
        <numerusform>%n line refused by the marketplace</numerusform>
        <numerusform>%n lines refused by the marketplace</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n line(s) accepted</source>
      <translation>
        <numerusform>%n line accepted</numerusform>
        <numerusform>%n lines accepted</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n line(s) refused</source>
      <translation>
        <numerusform>%n line refused</numerusform>
        <numerusform>%n lines refused</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Orders</name>
    <message numerus="yes">
      <source>Item {ref} has %n unit(s) left to ship or cancel; you asked to {verb} {asked}.</source>
      <translation>
        <numerusform>Item {ref} has %n unit left to ship or cancel; you asked to {verb} {asked}.</numerusform>
        <numerusform>Item {ref} has %n units left to ship or cancel; you asked to {verb} {asked}.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>RefundDialog</name>
    <message numerus="yes">
      <source>{item} (%n unit(s) shipped)</source>
      <translation>
        <numerusform>{item} (%n unit shipped)</numerusform>
        <numerusform>{item} (%n units shipped)</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>RestoreConfirmation</name>
    <message numerus="yes">
      <source>Backup taken {taken}, with %n order(s):</source>
      <translation>
        <numerusform>Backup taken {taken}, with %n order:</numerusform>
        <numerusform>Backup taken {taken}, with %n orders:</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>SummaryDialog</name>
    <message numerus="yes">
      <source>%n cancellation(s); counted in the rate: {counted}. 7-day cancellation rate at the end of the period: {rate} %.</source>
      <translation>
        <numerusform>%n cancellation; counted in the rate: {counted}. 7-day cancellation rate at the end of the period: {rate} %.</numerusform>
        <numerusform>%n cancellations; counted in the rate: {counted}. 7-day cancellation rate at the end of the period: {rate} %.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Saved {path} (%n page(s)).</source>
      <translation>
        <numerusform>Saved {path} (%n page).</numerusform>
        <numerusform>Saved {path} (%n pages).</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>SummaryDocumentBuilder</name>
    <message numerus="yes">
      <source>{percent} % (%n of {orders} orders)</source>
      <translation>
        <numerusform>{percent} % (%n of {orders} orders)</numerusform>
        <numerusform>{percent} % (%n of {orders} orders)</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>SyncController</name>
    <message numerus="yes">
      <source>%n new order(s)</source>
      <translation>
        <numerusform>%n new order</numerusform>
        <numerusform>%n new orders</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n order(s) updated</source>
      <translation>
        <numerusform>%n order updated</numerusform>
        <numerusform>%n orders updated</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n file(s) sent</source>
      <translation>
        <numerusform>%n file sent</numerusform>
        <numerusform>%n files sent</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n line(s) refused by the marketplace</source>
      <translation>
        <numerusform>%n line refused by the marketplace</numerusform>
        <numerusform>%n lines refused by the marketplace</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Synced {moment}: %n order(s) new or changed</source>
      <translation>
        <numerusform>Synced {moment}: %n order new or changed</numerusform>
        <numerusform>Synced {moment}: %n orders new or changed</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Order {order}: %n day(s) left before the marketplace may cancel it.</source>
      <translation>
        <numerusform>Order {order}: %n day left before the marketplace may cancel it.</numerusform>
        <numerusform>Order {order}: %n days left before the marketplace may cancel it.</numerusform>
      </translation>
    </message>
  </context>
</TS>