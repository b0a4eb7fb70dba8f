<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>tt::AdminPage</name>
    <message numerus="yes">
        <source>Settings saved (%n changed).</source>
        <translation>
            <numerusform>Settings saved (%n changed).</numerusform>
            <numerusform>Settings saved (%n changed).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tt::ConflictsDialog</name>
    <message numerus="yes">
        <source>%n conflict(s) at this station.</source>
        <translation>
            <numerusform>%n conflict at this station.</numerusform>
            <numerusform>%n conflicts at this station.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tt::DashboardPage</name>
    <message numerus="yes">
        <source>, and %n scan(s) of this station since</source>
        <translation>
            <numerusform>, and %n scan of this station since</numerusform>
            <numerusform>, and %n scans of this station since</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tt::DatabaseDialog</name>
    <message numerus="yes">
        <source>%n scan(s) or command(s) are still queued for %1; from the new database they would never reach it. Wait until the station has synced them (queued: 0), then switch.</source>
        <translation>
            <numerusform>%n scan or command is still queued for %1; from the new database it would never reach it. Wait until the station has synced it (queued: 0), then switch.</numerusform>
            <numerusform>%n scans or commands are still queued for %1; from the new database they would never reach it. Wait until the station has synced them (queued: 0), then switch.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tt::ReturnsPage</name>
    <message numerus="yes">
        <source>%n bag(s)</source>
        <translation>
            <numerusform>%n bag</numerusform>
            <numerusform>%n bags</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tt::SearchPage</name>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
</context>
</TS>
