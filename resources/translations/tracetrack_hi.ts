<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN">
<context>
    <name>QGnomeTheme</name>
    <message>
        <source>&amp;OK</source>
        <translation>ठीक है (&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>रद्द करें (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>बंद करें (&amp;C)</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Locked after 30 minutes without activity.</source>
        <translation>30 मिनट तक कोई गतिविधि न होने पर लॉक किया गया।</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>कभी भी</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>आज</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>पिछले 7 दिन</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>पिछले 30 दिन</translation>
    </message>
    <message>
        <source> g</source>
        <translation> g</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>ठीक है</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>बंद करें</translation>
    </message>
</context>
<context>
    <name>tt::AdminDataEditor</name>
    <message>
        <source>parent</source>
        <translation>पैरेंट</translation>
    </message>
    <message>
        <source>child</source>
        <translation>चाइल्ड</translation>
    </message>
    <message>
        <source>regular expression, e.g. ^JB\d{4}$</source>
        <translation>रेगुलर एक्सप्रेशन, जैसे ^JB\d{4}$</translation>
    </message>
    <message>
        <source>Active (new codes of this pattern are this type)</source>
        <translation>सक्रिय (इस पैटर्न के नए कोड इसी प्रकार के होंगे)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>नाम</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>भूमिका</translation>
    </message>
    <message>
        <source>Code pattern</source>
        <translation>कोड पैटर्न</translation>
    </message>
    <message>
        <source>Capacity (parents)</source>
        <translation>क्षमता (पैरेंट बैग)</translation>
    </message>
    <message>
        <source>Nominal weight (children)</source>
        <translation>मानक वज़न (चाइल्ड बैग)</translation>
    </message>
    <message>
        <source>Expected weight (parents)</source>
        <translation>अपेक्षित वज़न (पैरेंट बैग)</translation>
    </message>
    <message>
        <source>Add as new type</source>
        <translation>नए प्रकार के रूप में जोड़ें</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>बदलाव सहेजें</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>हटाएँ</translation>
    </message>
    <message>
        <source>A code belongs to the first active type whose pattern it matches, parent types first. Bags keep the capacity and weights their type had when they were made; a type that has bags is deactivated instead of deleted.</source>
        <translation>कोड उस पहले सक्रिय प्रकार का होता है जिसके पैटर्न से वह मेल खाता है, पहले पैरेंट प्रकार। बैग वही क्षमता और वज़न रखते हैं जो बनते समय उनके प्रकार के थे; जिस प्रकार के बैग हैं उसे हटाने के बजाय निष्क्रिय किया जाता है।</translation>
    </message>
    <message>
        <source>New area…</source>
        <translation>नया क्षेत्र…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>नाम बदलें…</translation>
    </message>
    <message>
        <source>Deactivate / activate</source>
        <translation>निष्क्रिय / सक्रिय करें</translation>
    </message>
    <message>
        <source>Dispatchers and stations belong to an area. An area with users or stations is deactivated instead of deleted; it then takes no new ones.</source>
        <translation>डिस्पैचर और स्टेशन किसी क्षेत्र के होते हैं। जिस क्षेत्र में उपयोगकर्ता या स्टेशन हैं उसे हटाने के बजाय निष्क्रिय किया जाता है; फिर उसमें नए नहीं जुड़ते।</translation>
    </message>
    <message>
        <source>New area</source>
        <translation>नया क्षेत्र</translation>
    </message>
    <message>
        <source>Name of the dispatch area</source>
        <translation>डिस्पैच क्षेत्र का नाम</translation>
    </message>
    <message>
        <source>Rename area</source>
        <translation>क्षेत्र का नाम बदलें</translation>
    </message>
    <message>
        <source>New name of %1</source>
        <translation>%1 का नया नाम</translation>
    </message>
    <message>
        <source>Register station…</source>
        <translation>स्टेशन दर्ज करें…</translation>
    </message>
    <message>
        <source>Move to area</source>
        <translation>क्षेत्र में ले जाएँ</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>क्षेत्र</translation>
    </message>
    <message>
        <source>Register station</source>
        <translation>स्टेशन दर्ज करें</translation>
    </message>
    <message>
        <source>Station id (as in --station)</source>
        <translation>स्टेशन आईडी (जैसे --station में)</translation>
    </message>
    <message>
        <source>Choose a row in the list first.</source>
        <translation>पहले सूची में से एक पंक्ति चुनें।</translation>
    </message>
</context>
<context>
    <name>tt::AdminPage</name>
    <message>
        <source>Users</source>
        <translation>उपयोगकर्ता</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>सेटिंग्स</translation>
    </message>
    <message>
        <source>Scan anything: every key, byte, frame and decision of the scanners appears here, exactly as it arrived.</source>
        <translation>कुछ भी स्कैन करें: स्कैनरों की हर की, बाइट, फ़्रेम और हर फ़ैसला यहाँ ठीक वैसा ही दिखता है जैसा आया।</translation>
    </message>
    <message>
        <source>Scanner self-test</source>
        <translation>स्कैनर स्व-जाँच</translation>
    </message>
    <message>
        <source>New user…</source>
        <translation>नया उपयोगकर्ता…</translation>
    </message>
    <message>
        <source>Change role…</source>
        <translation>भूमिका बदलें…</translation>
    </message>
    <message>
        <source>Disable / enable</source>
        <translation>बंद / चालू करें</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>पासवर्ड रीसेट करें…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>अनलॉक करें</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>नया उपयोगकर्ता</translation>
    </message>
    <message>
        <source>10+ characters, three of: a-z, A-Z, 0-9, symbol</source>
        <translation>10+ अक्षर, इनमें से तीन: a-z, A-Z, 0-9, चिह्न</translation>
    </message>
    <message>
        <source>dispatcher</source>
        <translation>डिस्पैचर</translation>
    </message>
    <message>
        <source>biller</source>
        <translation>बिलर</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>एडमिन</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(कोई नहीं)</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>उपयोगकर्ता नाम</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>पासवर्ड</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>पासवर्ड दोबारा लिखें</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>भूमिका</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>क्षेत्र</translation>
    </message>
    <message>
        <source>The two passwords differ; nothing was changed.</source>
        <translation>दोनों पासवर्ड अलग हैं; कुछ नहीं बदला गया।</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>भूमिका बदलें</translation>
    </message>
    <message>
        <source>New role of %1</source>
        <translation>%1 की नई भूमिका</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>पासवर्ड रीसेट करें</translation>
    </message>
    <message>
        <source>New password for %1</source>
        <translation>%1 के लिए नया पासवर्ड</translation>
    </message>
    <message>
        <source> min</source>
        <translation> मिनट</translation>
    </message>
    <message>
        <source>Play sounds for ok, duplicate and rejected scans</source>
        <translation>सही, दोहराए गए और अस्वीकृत स्कैन पर आवाज़ बजाएँ</translation>
    </message>
    <message>
        <source>Keyboard-wedge scanner (recognised by key timing, whatever has focus)</source>
        <translation>कीबोर्ड-वेज स्कैनर (की दबने की गति से पहचाना जाता है, फ़ोकस कहीं भी हो)</translation>
    </message>
    <message>
        <source>Serial scanner</source>
        <translation>सीरियल स्कैनर</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>सेटिंग्स सहेजें</translation>
    </message>
    <message>
        <source>&lt;b&gt;Database (all stations)&lt;/b&gt;</source>
        <translation>&lt;b&gt;डेटाबेस (सभी स्टेशन)&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Undo window</source>
        <translation>वापस लेने की समय-सीमा</translation>
    </message>
    <message>
        <source>Business time zone</source>
        <translation>कारोबार का समय क्षेत्र</translation>
    </message>
    <message>
        <source>&lt;b&gt;This station (%1)&lt;/b&gt;</source>
        <translation>&lt;b&gt;यह स्टेशन (%1)&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Sounds</source>
        <translation>आवाज़ें</translation>
    </message>
    <message>
        <source>Scanners</source>
        <translation>स्कैनर</translation>
    </message>
    <message>
        <source>Serial port</source>
        <translation>सीरियल पोर्ट</translation>
    </message>
    <message>
        <source>Baud rate</source>
        <translation>बॉड रेट</translation>
    </message>
    <message>
        <source>Choose a user in the list first.</source>
        <translation>पहले सूची में से एक उपयोगकर्ता चुनें।</translation>
    </message>
    <message>
        <source>User %1 created.</source>
        <translation>उपयोगकर्ता %1 बनाया गया।</translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation>%1 अब %2 है।</translation>
    </message>
    <message>
        <source>%1 is enabled.</source>
        <translation>%1 चालू कर दिया गया।</translation>
    </message>
    <message>
        <source>%1 is disabled; their history stays.</source>
        <translation>%1 बंद कर दिया गया; उनका इतिहास बना रहता है।</translation>
    </message>
    <message>
        <source>The password of %1 was reset.</source>
        <translation>%1 का पासवर्ड रीसेट किया गया।</translation>
    </message>
    <message>
        <source>%1 can log in again.</source>
        <translation>%1 फिर से लॉग इन कर सकते हैं।</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>भाषा</translation>
    </message>
    <message>
        <source>Bag types</source>
        <translation>बैग प्रकार</translation>
    </message>
    <message>
        <source>Areas</source>
        <translation>क्षेत्र</translation>
    </message>
    <message>
        <source>Stations</source>
        <translation>स्टेशन</translation>
    </message>
    <message>
        <source>My one-time code…</source>
        <translation>मेरा वन-टाइम कोड…</translation>
    </message>
    <message>
        <source>Turn off one-time code</source>
        <translation>वन-टाइम कोड बंद करें</translation>
    </message>
    <message>
        <source>Require a code from an authenticator app, besides your password, to log in and unlock.</source>
        <translation>लॉग इन और अनलॉक के लिए पासवर्ड के साथ ऑथेंटिकेटर ऐप का कोड भी ज़रूरी करें।</translation>
    </message>
    <message>
        <source>One-time code on: log in and unlock with your password and the current code.</source>
        <translation>वन-टाइम कोड चालू: पासवर्ड और मौजूदा कोड से लॉग इन और अनलॉक करें।</translation>
    </message>
    <message>
        <source>Large type on the station screen (read from a distance)</source>
        <translation>स्टेशन स्क्रीन पर बड़े अक्षर (दूर से पढ़ने के लिए)</translation>
    </message>
    <message>
        <source>Station screen</source>
        <translation>स्टेशन स्क्रीन</translation>
    </message>
    <message>
        <source>%1 is not a time zone; the settings were not changed.</source>
        <translation>%1 कोई समय क्षेत्र नहीं है; सेटिंग्स नहीं बदली गईं।</translation>
    </message>
    <message numerus="yes">
        <source>Settings saved (%n changed).</source>
        <translation>
            <numerusform>सेटिंग्स सहेज ली गईं (%n बदली)।</numerusform>
            <numerusform>सेटिंग्स सहेज ली गईं (%n बदलीं)।</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 logs in with the password alone again.</source>
        <translation>%1 अब फिर से केवल पासवर्ड से लॉग इन करते हैं।</translation>
    </message>
    <message>
        <source>Central mode: users, one-time codes, bag types, areas, stations and the settings of all stations (undo window, time zone) are read and changed on the central database and need it reachable.</source>
        <translation>केंद्रीय मोड: उपयोगकर्ता, वन-टाइम कोड, बैग प्रकार, क्षेत्र, स्टेशन और सभी स्टेशनों की सेटिंग्स (पूर्ववत समय-सीमा, समय क्षेत्र) केंद्रीय डेटाबेस पर पढ़ी और बदली जाती हैं और उसके उपलब्ध होने की ज़रूरत है।</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>डेटाबेस</translation>
    </message>
    <message>
        <source>Change database…</source>
        <translation>डेटाबेस बदलें…</translation>
    </message>
    <message>
        <source>Restart TraceTrack now</source>
        <translation>TraceTrack अभी फिर से शुरू करें</translation>
    </message>
    <message>
        <source>Could not start TraceTrack again; close it and start it.</source>
        <translation>TraceTrack फिर से शुरू नहीं हो सका; इसे बंद करके शुरू करें।</translation>
    </message>
    <message>
        <source>%1
At the next start: %2</source>
        <translation>%1
अगली बार शुरू होने पर: %2</translation>
    </message>
    <message>
        <source>Saved: this station opens %1 at its next start.</source>
        <translation>सहेजा गया: यह स्टेशन अगली बार शुरू होने पर %1 खोलेगा।</translation>
    </message>
</context>
<context>
    <name>tt::AreaListModel</name>
    <message>
        <source>active</source>
        <translation>सक्रिय</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>निष्क्रिय</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>क्षेत्र</translation>
    </message>
    <message>
        <source>State</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>उपयोगकर्ता</translation>
    </message>
    <message>
        <source>Stations</source>
        <translation>स्टेशन</translation>
    </message>
</context>
<context>
    <name>tt::AuditListModel</name>
    <message>
        <source>Time (local)</source>
        <translation>समय (स्थानीय)</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>करने वाला</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>स्टेशन</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>कार्य</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>वस्तु</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>आईडी</translation>
    </message>
    <message>
        <source>Before → after</source>
        <translation>पहले → बाद में</translation>
    </message>
</context>
<context>
    <name>tt::BagDetailDialog</name>
    <message>
        <source>Loading…</source>
        <translation>लोड हो रहा है…</translation>
    </message>
    <message>
        <source>Bag %1</source>
        <translation>बैग %1</translation>
    </message>
    <message>
        <source>Children in force</source>
        <translation>अभी जुड़े चाइल्ड बैग</translation>
    </message>
    <message>
        <source>History (every scan of this code)</source>
        <translation>इतिहास (इस कोड का हर स्कैन)</translation>
    </message>
    <message>
        <source>There is no bag %1.</source>
        <translation>बैग %1 मौजूद नहीं है।</translation>
    </message>
    <message>
        <source>&lt;b&gt;Parent bag&lt;/b&gt; of type %1 · &lt;b&gt;%2/%3&lt;/b&gt; children · contents %4 · expected %5</source>
        <translation>प्रकार %1 का &lt;b&gt;पैरेंट बैग&lt;/b&gt; · &lt;b&gt;%2/%3&lt;/b&gt; चाइल्ड बैग · सामग्री %4 · अपेक्षित %5</translation>
    </message>
    <message>
        <source>Not on a bill.</source>
        <translation>किसी बिल पर नहीं।</translation>
    </message>
    <message>
        <source>On bill &lt;b&gt;%1&lt;/b&gt;.</source>
        <translation>बिल &lt;b&gt;%1&lt;/b&gt; पर।</translation>
    </message>
    <message>
        <source>&lt;b&gt;Child bag&lt;/b&gt; of type %1 · weight %2%3</source>
        <translation>प्रकार %1 का &lt;b&gt;चाइल्ड बैग&lt;/b&gt; · वज़न %2%3</translation>
    </message>
    <message>
        <source> (measured)</source>
        <translation> (तौला गया)</translation>
    </message>
    <message>
        <source> (nominal)</source>
        <translation> (मानक)</translation>
    </message>
    <message>
        <source>Not linked to a parent.</source>
        <translation>किसी पैरेंट बैग से जुड़ा नहीं।</translation>
    </message>
    <message>
        <source>In &lt;b&gt;%1&lt;/b&gt;, linked by %2 at %3.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; में, %2 ने %3 बजे जोड़ा।</translation>
    </message>
    <message>
        <source>Created %1 by %2.</source>
        <translation>%1 को %2 ने बनाया।</translation>
    </message>
</context>
<context>
    <name>tt::BagListModel</name>
    <message>
        <source>parent</source>
        <translation>पैरेंट</translation>
    </message>
    <message>
        <source>child</source>
        <translation>चाइल्ड</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>कोड</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>भूमिका</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>प्रकार</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>चाइल्ड बैग</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>वज़न</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>पैरेंट बैग</translation>
    </message>
    <message>
        <source>Bill</source>
        <translation>बिल</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>बनाया गया</translation>
    </message>
    <message>
        <source>By</source>
        <translation>द्वारा</translation>
    </message>
</context>
<context>
    <name>tt::BagTypeListModel</name>
    <message>
        <source>parent</source>
        <translation>पैरेंट</translation>
    </message>
    <message>
        <source>child</source>
        <translation>चाइल्ड</translation>
    </message>
    <message>
        <source>active</source>
        <translation>सक्रिय</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>निष्क्रिय</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>नाम</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>भूमिका</translation>
    </message>
    <message>
        <source>Code pattern</source>
        <translation>कोड पैटर्न</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>क्षमता</translation>
    </message>
    <message>
        <source>Nominal weight</source>
        <translation>मानक वज़न</translation>
    </message>
    <message>
        <source>Expected weight</source>
        <translation>अपेक्षित वज़न</translation>
    </message>
    <message>
        <source>State</source>
        <translation>स्थिति</translation>
    </message>
</context>
<context>
    <name>tt::BillEditor</name>
    <message>
        <source>No bill selected</source>
        <translation>कोई बिल नहीं चुना गया</translation>
    </message>
    <message>
        <source>Remove parent</source>
        <translation>पैरेंट बैग हटाएँ</translation>
    </message>
    <message>
        <source>Complete bill</source>
        <translation>बिल पूरा करें</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>फिर से खोलें</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>प्रिंट करें…</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>PDF सहेजें…</translation>
    </message>
    <message>
        <source>Scan a parent bag onto this bill</source>
        <translation>इस बिल पर पैरेंट बैग स्कैन करें</translation>
    </message>
    <message>
        <source>ACTUAL WEIGHT</source>
        <translation>वास्तविक वज़न</translation>
    </message>
    <message>
        <source>EXPECTED WEIGHT</source>
        <translation>अपेक्षित वज़न</translation>
    </message>
    <message>
        <source>VARIANCE</source>
        <translation>अंतर</translation>
    </message>
    <message>
        <source>Bill %1</source>
        <translation>बिल %1</translation>
    </message>
    <message>
        <source>Save bill as PDF</source>
        <translation>बिल को PDF में सहेजें</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 सहेजा गया।</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#1b7f3b&apos;&gt;COMPLETED&lt;/b&gt; by %1 at %2</source>
        <translation>&lt;b style=&apos;color:#1b7f3b&apos;&gt;पूरा&lt;/b&gt; · %1 ने %2 बजे किया</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#1f5fa8&apos;&gt;OPEN&lt;/b&gt; · created by %1 at %2</source>
        <translation>&lt;b style=&apos;color:#1f5fa8&apos;&gt;खुला&lt;/b&gt; · %1 ने %2 बजे बनाया</translation>
    </message>
    <message>
        <source>Choose a bill on the left or create one.</source>
        <translation>बाईं ओर से एक बिल चुनें या नया बनाएँ।</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>लोड हो रहा है…</translation>
    </message>
</context>
<context>
    <name>tt::BillLineModel</name>
    <message>
        <source>Parent bag</source>
        <translation>पैरेंट बैग</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>चाइल्ड बैग</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>वास्तविक</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>अपेक्षित</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>अंतर</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>जोड़ा गया</translation>
    </message>
    <message>
        <source>By</source>
        <translation>द्वारा</translation>
    </message>
</context>
<context>
    <name>tt::BillListModel</name>
    <message>
        <source>completed</source>
        <translation>पूरा</translation>
    </message>
    <message>
        <source>open</source>
        <translation>खुला</translation>
    </message>
    <message>
        <source>Bill</source>
        <translation>बिल</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>Parents</source>
        <translation>पैरेंट बैग</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>वास्तविक</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>अपेक्षित</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>अंतर</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>बनाया गया</translation>
    </message>
    <message>
        <source>By</source>
        <translation>द्वारा</translation>
    </message>
</context>
<context>
    <name>tt::BillsPage</name>
    <message>
        <source>Create bill</source>
        <translation>बिल बनाएँ</translation>
    </message>
    <message>
        <source>Filter by bill id</source>
        <translation>बिल आईडी से छाँटें</translation>
    </message>
    <message>
        <source>All bills</source>
        <translation>सभी बिल</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>खुले</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>पूरे</translation>
    </message>
    <message>
        <source>New bill id, e.g. BILL-2026-0003</source>
        <translation>नई बिल आईडी, जैसे BILL-2026-0003</translation>
    </message>
    <message>
        <source>capacity </source>
        <translation>क्षमता </translation>
    </message>
    <message>
        <source> parents</source>
        <translation> पैरेंट बैग</translation>
    </message>
    <message>
        <source>New bill</source>
        <translation>नया बिल</translation>
    </message>
</context>
<context>
    <name>tt::CentralForm</name>
    <message>
        <source>Test connection</source>
        <translation>कनेक्शन जाँचें</translation>
    </message>
    <message>
        <source>URL (optional)</source>
        <translation>URL (वैकल्पिक)</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>सर्वर</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>पोर्ट</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>डेटाबेस</translation>
    </message>
    <message>
        <source>Station role</source>
        <translation>स्टेशन रोल</translation>
    </message>
    <message>
        <source>Role password</source>
        <translation>रोल पासवर्ड</translation>
    </message>
    <message>
        <source>Local cache</source>
        <translation>लोकल कैश</translation>
    </message>
    <message>
        <source>Station name</source>
        <translation>स्टेशन का नाम</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>क्षेत्र</translation>
    </message>
    <message>
        <source>Not a postgresql:// URL: %1</source>
        <translation>यह postgresql:// URL नहीं है: %1</translation>
    </message>
    <message>
        <source>Enter the server, the database and the station role.</source>
        <translation>सर्वर, डेटाबेस और स्टेशन रोल भरें।</translation>
    </message>
    <message>
        <source>Give this station a name (it appears in the central database&apos;s records).</source>
        <translation>इस स्टेशन को एक नाम दें (यह केंद्रीय डेटाबेस के रिकॉर्ड में दिखता है)।</translation>
    </message>
    <message>
        <source>Connecting to %1:%2 …</source>
        <translation>%1:%2 से जुड़ रहे हैं …</translation>
    </message>
    <message>
        <source>Reachable: TraceTrack schema version %1, round trip %2 ms.</source>
        <translation>पहुँच में: TraceTrack स्कीमा संस्करण %1, राउंड ट्रिप %2 ms।</translation>
    </message>
    <message>
        <source>Embedded: this computer only (its own database)</source>
        <translation>एम्बेडेड: केवल यह कंप्यूटर (इसका अपना डेटाबेस)</translation>
    </message>
    <message>
        <source>Central: a PostgreSQL server shared by the site&apos;s stations (keeps working offline)</source>
        <translation>सेंट्रल: साइट के सभी स्टेशनों का साझा PostgreSQL सर्वर (ऑफ़लाइन भी काम करता रहता है)</translation>
    </message>
</context>
<context>
    <name>tt::ConflictsDialog</name>
    <message>
        <source>Sync conflicts</source>
        <translation>सिंक टकराव</translation>
    </message>
    <message>
        <source>Commands decided at this station while it was offline that the central database rejected when they were sent. The central database&apos;s state holds; check these bags and scan again where needed.</source>
        <translation>ऑफ़लाइन रहते हुए इस स्टेशन पर तय किए गए वे कमांड जिन्हें भेजे जाने पर केंद्रीय डेटाबेस ने अस्वीकार किया। केंद्रीय डेटाबेस की स्थिति मान्य रहती है; इन बैगों की जाँच करें और ज़रूरत हो तो फिर से स्कैन करें।</translation>
    </message>
    <message>
        <source>Queued at</source>
        <translation>कतार में लगने का समय</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>कमांड</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>कोड</translation>
    </message>
    <message>
        <source>By</source>
        <translation>द्वारा</translation>
    </message>
    <message>
        <source>Shown at the station</source>
        <translation>स्टेशन पर दिखाया गया</translation>
    </message>
    <message>
        <source>Central answer</source>
        <translation>केंद्रीय जवाब</translation>
    </message>
    <message>
        <source>&lt;b&gt;Every station&lt;/b&gt; (central database)</source>
        <translation>&lt;b&gt;हर स्टेशन&lt;/b&gt; (केंद्रीय डेटाबेस)</translation>
    </message>
    <message>
        <source>Detected at</source>
        <translation>पता चलने का समय</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>स्टेशन</translation>
    </message>
    <message>
        <source>Uploaded by</source>
        <translation>भेजने वाला</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>फिर से लोड करें</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>लोड हो रहा है…</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) at this station.</source>
        <translation>
            <numerusform>इस स्टेशन पर %n टकराव।</numerusform>
            <numerusform>इस स्टेशन पर %n टकराव।</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tt::DashboardPage</name>
    <message>
        <source>Scans per hour today</source>
        <translation>आज प्रति घंटा स्कैन</translation>
    </message>
    <message>
        <source>Scans per day, last 14 days (day of month)</source>
        <translation>प्रति दिन स्कैन, पिछले 14 दिन (महीने की तारीख)</translation>
    </message>
    <message>
        <source>Scans per area today</source>
        <translation>आज प्रति क्षेत्र स्कैन</translation>
    </message>
    <message>
        <source>Scans today</source>
        <translation>आज के स्कैन</translation>
    </message>
    <message>
        <source>My scans today</source>
        <translation>आज मेरे स्कैन</translation>
    </message>
    <message>
        <source>Parent bags</source>
        <translation>पैरेंट बैग</translation>
    </message>
    <message>
        <source>Child bags</source>
        <translation>चाइल्ड बैग</translation>
    </message>
    <message>
        <source>Links in force</source>
        <translation>मौजूदा लिंक</translation>
    </message>
    <message>
        <source>Parents filled today</source>
        <translation>आज भरे गए पैरेंट बैग</translation>
    </message>
    <message>
        <source>Bills open</source>
        <translation>खुले बिल</translation>
    </message>
    <message>
        <source>Bills completed</source>
        <translation>पूरे हुए बिल</translation>
    </message>
    <message>
        <source>&lt;b&gt;Last scans&lt;/b&gt;</source>
        <translation>&lt;b&gt;पिछले स्कैन&lt;/b&gt;</translation>
    </message>
    <message>
        <source>(no area)</source>
        <translation>(कोई क्षेत्र नहीं)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Station health&lt;/b&gt;&lt;br&gt;Mode: embedded (no central server)&lt;br&gt;Queue: 0 commands, sync lag: none&lt;br&gt;Database: %1 (%2 MB)&lt;br&gt;Scans recorded: %3</source>
        <translation>&lt;b&gt;स्टेशन की स्थिति&lt;/b&gt;&lt;br&gt;मोड: एम्बेडेड (कोई केंद्रीय सर्वर नहीं)&lt;br&gt;कतार: 0 कमांड, सिंक में देरी: कोई नहीं&lt;br&gt;डेटाबेस: %1 (%2 MB)&lt;br&gt;दर्ज स्कैन: %3</translation>
    </message>
    <message>
        <source>&lt;b&gt;Station health&lt;/b&gt; (central mode)&lt;br&gt;Central database %1: </source>
        <translation>&lt;b&gt;स्टेशन की स्थिति&lt;/b&gt; (सेंट्रल मोड)&lt;br&gt;केंद्रीय डेटाबेस %1: </translation>
    </message>
    <message>
        <source>reachable, round trip %1 ms</source>
        <translation>पहुँच में, राउंड ट्रिप %1 ms</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b00020&apos;&gt;unreachable&lt;/span&gt; (%1)</source>
        <translation>&lt;span style=&apos;color:#b00020&apos;&gt;पहुँच से बाहर&lt;/span&gt; (%1)</translation>
    </message>
    <message>
        <source>&lt;br&gt;This station: %1 · %2 queued (lag %3 s) · %4 conflict(s) · last sync %5</source>
        <translation>&lt;br&gt;यह स्टेशन: %1 · %2 कतार में (देरी %3 s) · %4 टकराव · पिछला सिंक %5</translation>
    </message>
    <message>
        <source>online</source>
        <translation>ऑनलाइन</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>ऑफ़लाइन</translation>
    </message>
    <message>
        <source>never</source>
        <translation>कभी नहीं</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;Stations&lt;/b&gt; (last report)</source>
        <translation>&lt;br&gt;&lt;b&gt;स्टेशन&lt;/b&gt; (पिछली रिपोर्ट)</translation>
    </message>
    <message>
        <source>&lt;br&gt;%1 (%2): last contact %3, %4 queued, %5 conflict(s)</source>
        <translation>&lt;br&gt;%1 (%2): पिछला संपर्क %3, %4 कतार में, %5 टकराव</translation>
    </message>
    <message>
        <source>Site figures from the central database as of %1</source>
        <translation>केंद्रीय डेटाबेस से साइट के आँकड़े, %1 तक</translation>
    </message>
    <message>
        <source>This station&apos;s figures only: the central figures have not been read yet</source>
        <translation>केवल इस स्टेशन के आँकड़े: केंद्रीय आँकड़े अभी पढ़े नहीं गए हैं</translation>
    </message>
    <message numerus="yes">
        <source>, and %n scan(s) of this station since</source>
        <translation>
            <numerusform>, और तब से इस स्टेशन का %n स्कैन</numerusform>
            <numerusform>, और तब से इस स्टेशन के %n स्कैन</numerusform>
        </translation>
    </message>
    <message>
        <source> (offline)</source>
        <translation> (ऑफ़लाइन)</translation>
    </message>
</context>
<context>
    <name>tt::DatabaseChoice</name>
    <message>
        <source>Nothing answers at %1 (connection refused): is PostgreSQL running there, and is the port right?</source>
        <translation>%1 पर कोई जवाब नहीं देता (कनेक्शन अस्वीकार): क्या वहाँ PostgreSQL चल रहा है, और क्या पोर्ट सही है?</translation>
    </message>
    <message>
        <source>The server at %1 refused user %2 with this password: check the station role&apos;s name and password.</source>
        <translation>%1 के सर्वर ने इस पासवर्ड के साथ उपयोगकर्ता %2 को अस्वीकार किया: स्टेशन रोल का नाम और पासवर्ड जाँचें।</translation>
    </message>
    <message>
        <source>The database &quot;%1&quot; at %2 is not set up for TraceTrack yet: run `tracetrack-cli migrate` with the owner&apos;s credentials (docs/central.md).</source>
        <translation>%2 पर डेटाबेस &quot;%1&quot; अभी TraceTrack के लिए तैयार नहीं है: मालिक (owner) के क्रेडेंशियल से `tracetrack-cli migrate` चलाएँ (docs/central.md)।</translation>
    </message>
    <message>
        <source>The server at %1 has no database &quot;%2&quot;: check the database name.</source>
        <translation>%1 के सर्वर पर &quot;%2&quot; नाम का कोई डेटाबेस नहीं है: डेटाबेस का नाम जाँचें।</translation>
    </message>
    <message>
        <source>The central database and this program are of different versions: %1</source>
        <translation>केंद्रीय डेटाबेस और यह प्रोग्राम अलग-अलग संस्करण के हैं: %1</translation>
    </message>
    <message>
        <source>The host name &quot;%1&quot; is unknown: check the spelling or use the server&apos;s address.</source>
        <translation>होस्ट नाम &quot;%1&quot; अज्ञात है: वर्तनी जाँचें या सर्वर का पता इस्तेमाल करें।</translation>
    </message>
    <message>
        <source>No answer from %1 within 5 seconds: check the address, the network and the firewall.</source>
        <translation>5 सेकंड में %1 से कोई जवाब नहीं: पता, नेटवर्क और फ़ायरवॉल जाँचें।</translation>
    </message>
    <message>
        <source>Cannot use the central database: %1</source>
        <translation>केंद्रीय डेटाबेस का उपयोग नहीं हो सकता: %1</translation>
    </message>
    <message>
        <source>Embedded: %1</source>
        <translation>एम्बेडेड: %1</translation>
    </message>
    <message>
        <source>Central: %1, cache %2</source>
        <translation>केंद्रीय: %1, कैश %2</translation>
    </message>
</context>
<context>
    <name>tt::DatabaseDialog</name>
    <message>
        <source>Database of this station</source>
        <translation>इस स्टेशन का डेटाबेस</translation>
    </message>
    <message>
        <source>Currently: %1. The station opens the database chosen here at its next start. Nothing is copied between databases: the embedded file keeps its data, and scans queued for a central database must reach it before you leave it.</source>
        <translation>अभी: %1। स्टेशन यहाँ चुना गया डेटाबेस अगली बार शुरू होने पर खोलता है। डेटाबेसों के बीच कुछ भी कॉपी नहीं होता: एम्बेडेड फ़ाइल अपना डेटा रखती है, और केंद्रीय डेटाबेस के लिए कतार में रखे स्कैन उसे छोड़ने से पहले उस तक पहुँचने चाहिए।</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>डेटाबेस फ़ाइल</translation>
    </message>
    <message>
        <source>A new file starts empty: TraceTrack asks for its first administrator.</source>
        <translation>नई फ़ाइल खाली शुरू होती है: TraceTrack उसके पहले व्यवस्थापक के बारे में पूछता है।</translation>
    </message>
    <message>
        <source>Enter the database file.</source>
        <translation>डेटाबेस फ़ाइल दर्ज करें।</translation>
    </message>
    <message>
        <source>%1 is a folder; enter a file name in it, e.g. %2.</source>
        <translation>%1 एक फ़ोल्डर है; उसमें एक फ़ाइल का नाम दर्ज करें, जैसे %2।</translation>
    </message>
    <message>
        <source>%1 is the central mode&apos;s cache, not a station database: choose another file.</source>
        <translation>%1 केंद्रीय मोड का कैश है, स्टेशन डेटाबेस नहीं: कोई दूसरी फ़ाइल चुनें।</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>फ़ोल्डर %1 नहीं बनाया जा सका।</translation>
    </message>
    <message>
        <source>This computer&apos;s user cannot write %1.</source>
        <translation>इस कंप्यूटर का उपयोगकर्ता %1 में नहीं लिख सकता।</translation>
    </message>
    <message numerus="yes">
        <source>%n scan(s) or command(s) are still queued for %1; from the new database they would never reach it. Wait until the station has synced them (queued: 0), then switch.</source>
        <translation>
            <numerusform>%n स्कैन या कमांड अभी भी %1 के लिए कतार में है; नए डेटाबेस से वह वहाँ कभी नहीं पहुँचेगा। स्टेशन के उन्हें सिंक करने तक रुकें (कतार: 0), फिर बदलें।</numerusform>
            <numerusform>%n स्कैन या कमांड अभी भी %1 के लिए कतार में हैं; नए डेटाबेस से वे वहाँ कभी नहीं पहुँचेंगे। स्टेशन के उन्हें सिंक करने तक रुकें (कतार: 0), फिर बदलें।</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tt::DbSession</name>
    <message>
        <source>This needs the central database; it is unreachable. Nothing was changed.</source>
        <translation>इसके लिए केंद्रीय डेटाबेस चाहिए; वह अभी पहुँच से बाहर है। कुछ नहीं बदला गया।</translation>
    </message>
</context>
<context>
    <name>tt::Feedback</name>
    <message>
        <source>The password needs at least 10 characters.</source>
        <translation>पासवर्ड में कम से कम 10 अक्षर होने चाहिए।</translation>
    </message>
    <message>
        <source>The password is longer than 256 characters.</source>
        <translation>पासवर्ड 256 अक्षरों से लंबा है।</translation>
    </message>
    <message>
        <source>The password needs three of: lower-case letter, upper-case letter, digit, symbol.</source>
        <translation>पासवर्ड में इनमें से तीन चाहिए: छोटा अक्षर, बड़ा अक्षर, अंक, चिह्न।</translation>
    </message>
    <message>
        <source>A user name has 2–32 characters: a letter first, then letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>उपयोगकर्ता नाम में 2–32 अक्षर होते हैं: पहले एक अक्षर, फिर अक्षर, अंक, &apos;.&apos;, &apos;_&apos; या &apos;-&apos;।</translation>
    </message>
    <message>
        <source>The account is locked after too many failed logins; try again in %1 minute(s) or ask an admin.</source>
        <translation>बहुत बार गलत लॉग इन के कारण खाता लॉक है; %1 मिनट बाद फिर कोशिश करें या एडमिन से कहें।</translation>
    </message>
    <message>
        <source>Nobody can change their own role.</source>
        <translation>कोई भी अपनी भूमिका खुद नहीं बदल सकता।</translation>
    </message>
    <message>
        <source>%1 is the last active admin and cannot be demoted or disabled.</source>
        <translation>%1 आखिरी सक्रिय एडमिन हैं; उनकी भूमिका घटाई या बंद नहीं की जा सकती।</translation>
    </message>
    <message>
        <source>A bag type needs a name of 1–40 characters.</source>
        <translation>बैग प्रकार का नाम 1–40 अक्षरों का होना चाहिए।</translation>
    </message>
    <message>
        <source>The code pattern of bag type %1 is not a valid regular expression: %2</source>
        <translation>बैग प्रकार %1 का कोड पैटर्न सही रेगुलर एक्सप्रेशन नहीं है: %2</translation>
    </message>
    <message>
        <source>A parent bag type holds 1–10 000 children, not %1.</source>
        <translation>पैरेंट बैग प्रकार में 1–10 000 चाइल्ड बैग आते हैं, %1 नहीं।</translation>
    </message>
    <message>
        <source>Weights must be 0–10 000 kg in grams.</source>
        <translation>वज़न ग्राम में 0–10 000 kg के बीच होना चाहिए।</translation>
    </message>
    <message>
        <source>A bill holds 1–500 parent bags, not %1.</source>
        <translation>एक बिल में 1–500 पैरेंट बैग आते हैं, %1 नहीं।</translation>
    </message>
    <message>
        <source>There is no such bill.</source>
        <translation>ऐसा कोई बिल नहीं है।</translation>
    </message>
    <message>
        <source>There is no parent bag %1; fill it at a dispatch station first.</source>
        <translation>पैरेंट बैग %1 मौजूद नहीं है; पहले उसे डिस्पैच स्टेशन पर भरें।</translation>
    </message>
    <message>
        <source>%1 is a child bag; only parent bags go on a bill.</source>
        <translation>%1 चाइल्ड बैग है; बिल पर केवल पैरेंट बैग जाते हैं।</translation>
    </message>
    <message>
        <source>%1 is already on bill %2.</source>
        <translation>%1 पहले से बिल %2 पर है।</translation>
    </message>
    <message>
        <source>Bill %1 is completed; reopen it to add bags.</source>
        <translation>बिल %1 पूरा हो चुका है; बैग जोड़ने के लिए उसे फिर से खोलें।</translation>
    </message>
    <message>
        <source>Bill %1 is full (%2/%3).</source>
        <translation>बिल %1 भर गया है (%2/%3)।</translation>
    </message>
    <message>
        <source>Bill %1 is already completed.</source>
        <translation>बिल %1 पहले ही पूरा हो चुका है।</translation>
    </message>
    <message>
        <source>Bill %1 has %2 of %3 parent bags; it stays open until it is full.</source>
        <translation>बिल %1 में %3 में से %2 पैरेंट बैग हैं; भरने तक यह खुला रहेगा।</translation>
    </message>
    <message>
        <source>Bill %1 is already open.</source>
        <translation>बिल %1 पहले से खुला है।</translation>
    </message>
    <message>
        <source>%1 is not on bill %2.</source>
        <translation>%1 बिल %2 पर नहीं है।</translation>
    </message>
    <message>
        <source>Bill %1 already has %2 parent bags; the capacity cannot be %3.</source>
        <translation>बिल %1 में पहले से %2 पैरेंट बैग हैं; क्षमता %3 नहीं हो सकती।</translation>
    </message>
    <message>
        <source>Bill %1 is completed; reopen it to change its capacity.</source>
        <translation>बिल %1 पूरा हो चुका है; क्षमता बदलने के लिए उसे फिर से खोलें।</translation>
    </message>
    <message>
        <source>The GS1 data is cut short in %1: %2 characters expected, %3 found.</source>
        <translation>GS1 डेटा %1 में अधूरा है: %2 अक्षर चाहिए थे, %3 मिले।</translation>
    </message>
    <message>
        <source>%1 needs at least %2 characters, it has %3.</source>
        <translation>%1 में कम से कम %2 अक्षर चाहिए, इसमें %3 हैं।</translation>
    </message>
    <message>
        <source>%1 has %2 characters; at most %3 are allowed (is a GS separator missing?).</source>
        <translation>%1 में %2 अक्षर हैं; अधिकतम %3 की अनुमति है (क्या GS विभाजक छूट गया है?)।</translation>
    </message>
    <message>
        <source>%1 has the character &apos;%2&apos;, which it cannot contain.</source>
        <translation>%1 में &apos;%2&apos; अक्षर है, जो इसमें नहीं हो सकता।</translation>
    </message>
    <message>
        <source>%1 %2 has a wrong check digit (it should end in %3).</source>
        <translation>%1 %2 का चेक अंक गलत है (अंत में %3 होना चाहिए)।</translation>
    </message>
    <message>
        <source>%1 %2 has a wrong check digit.</source>
        <translation>%1 %2 का चेक अंक गलत है।</translation>
    </message>
    <message>
        <source>%1 %2 is not a date (YYMMDD).</source>
        <translation>%1 %2 तारीख नहीं है (YYMMDD)।</translation>
    </message>
    <message>
        <source>%1 appears twice with different values.</source>
        <translation>%1 दो बार अलग-अलग मानों के साथ आया है।</translation>
    </message>
    <message>
        <source>%1 has %2 decimals; a weight has at most 5.</source>
        <translation>%1 में %2 दशमलव अंक हैं; वज़न में अधिकतम 5 होते हैं।</translation>
    </message>
    <message>
        <source>%1 is %2, less than one gram.</source>
        <translation>%1 का मान %2 है, एक ग्राम से कम।</translation>
    </message>
    <message>
        <source>%1 is not a GS1 weight with 0 to 5 decimals.</source>
        <translation>%1 0 से 5 दशमलव अंकों वाला GS1 वज़न नहीं है।</translation>
    </message>
    <message>
        <source>The GS1 data has &quot;%1&quot; where an application identifier (digits) was expected.</source>
        <translation>GS1 डेटा में वहाँ &quot;%1&quot; है जहाँ एप्लिकेशन आइडेंटिफ़ायर (अंक) होना चाहिए था।</translation>
    </message>
    <message>
        <source>The GS1 data ends with an incomplete application identifier &quot;%1&quot;.</source>
        <translation>GS1 डेटा अधूरे एप्लिकेशन आइडेंटिफ़ायर &quot;%1&quot; पर खत्म होता है।</translation>
    </message>
    <message>
        <source>The GS1 data has an unknown application identifier at &quot;%1&quot;.</source>
        <translation>GS1 डेटा में &quot;%1&quot; पर अज्ञात एप्लिकेशन आइडेंटिफ़ायर है।</translation>
    </message>
    <message>
        <source>The GS1 data is empty.</source>
        <translation>GS1 डेटा खाली है।</translation>
    </message>
    <message>
        <source>The GS1 data has &quot;%1&quot; where &quot;(AI)&quot; was expected.</source>
        <translation>GS1 डेटा में वहाँ &quot;%1&quot; है जहाँ &quot;(AI)&quot; होना चाहिए था।</translation>
    </message>
    <message>
        <source>The GS1 data has an unclosed &quot;(&quot; at &quot;%1&quot;.</source>
        <translation>GS1 डेटा में &quot;%1&quot; पर &quot;(&quot; बंद नहीं हुआ है।</translation>
    </message>
    <message>
        <source>Scan a parent bag first, then its child bags (%1 was not linked).</source>
        <translation>पहले पैरेंट बैग स्कैन करें, फिर उसके चाइल्ड बैग (%1 नहीं जोड़ा गया)।</translation>
    </message>
    <message>
        <source>%1 cannot be linked to itself.</source>
        <translation>%1 को खुद से नहीं जोड़ा जा सकता।</translation>
    </message>
    <message>
        <source>%1 is a parent bag and cannot be used as a child.</source>
        <translation>%1 पैरेंट बैग है; इसे चाइल्ड बैग की तरह नहीं जोड़ा जा सकता।</translation>
    </message>
    <message>
        <source>%1 is already in %2 (linked by %3 at %4).</source>
        <translation>%1 पहले से %2 में है (%3 ने %4 बजे जोड़ा)।</translation>
    </message>
    <message>
        <source>%1 is on completed bill %2; reopen the bill to change it.</source>
        <translation>%1 पूरे हो चुके बिल %2 पर है; बदलने के लिए बिल फिर से खोलें।</translation>
    </message>
    <message>
        <source>%1 is full (%2/%3); scan the next parent bag.</source>
        <translation>%1 भर गया है (%2/%3); अगला पैरेंट बैग स्कैन करें।</translation>
    </message>
    <message>
        <source>There is no link of yours to undo.</source>
        <translation>वापस लेने के लिए आपका कोई लिंक नहीं है।</translation>
    </message>
    <message>
        <source>Your last link (%1 into %2 at %3) is older than %4 minutes and can no longer be undone; ask a biller to move the bag.</source>
        <translation>आपका पिछला लिंक (%3 बजे %1 को %2 में) %4 मिनट से पुराना है और अब वापस नहीं लिया जा सकता; बैग बदलने के लिए बिलर से कहें।</translation>
    </message>
    <message>
        <source>%1 is on a completed bill; reopen the bill first.</source>
        <translation>%1 पूरे हो चुके बिल पर है; पहले बिल फिर से खोलें।</translation>
    </message>
    <message>
        <source>There is no bag %1.</source>
        <translation>बैग %1 मौजूद नहीं है।</translation>
    </message>
    <message>
        <source>%1 is a parent bag; only child bags move.</source>
        <translation>%1 पैरेंट बैग है; केवल चाइल्ड बैग बदले जाते हैं।</translation>
    </message>
    <message>
        <source>There is no parent bag to move into.</source>
        <translation>जिसमें डालना है, वह पैरेंट बैग मौजूद नहीं है।</translation>
    </message>
    <message>
        <source>The target is not a parent bag.</source>
        <translation>लक्ष्य पैरेंट बैग नहीं है।</translation>
    </message>
    <message>
        <source>%1 is in %2, which is on a completed bill; reopen it first.</source>
        <translation>%1, %2 में है जो पूरे हो चुके बिल पर है; पहले उसे फिर से खोलें।</translation>
    </message>
    <message>
        <source>%1 is on completed bill %2; reopen the bill first.</source>
        <translation>%1 पूरे हो चुके बिल %2 पर है; पहले बिल फिर से खोलें।</translation>
    </message>
    <message>
        <source>%1 is full (%2/%3).</source>
        <translation>%1 भर गया है (%2/%3)।</translation>
    </message>
    <message>
        <source>%1 is linked to a parent; move or undo the link first.</source>
        <translation>%1 एक पैरेंट बैग से जुड़ा है; पहले लिंक बदलें या वापस लें।</translation>
    </message>
    <message>
        <source>%1 still holds %2 child bag(s).</source>
        <translation>%1 में अभी भी %2 चाइल्ड बैग हैं।</translation>
    </message>
    <message>
        <source>%1 is on bill %2; remove it from the bill first.</source>
        <translation>%1 बिल %2 पर है; पहले उसे बिल से हटाएँ।</translation>
    </message>
    <message>
        <source>The GS1 scan %1 has no SSCC and is too long (%2 characters) to be a bag code.</source>
        <translation>GS1 स्कैन %1 में SSCC नहीं है और बैग कोड होने के लिए बहुत लंबा है (%2 अक्षर)।</translation>
    </message>
    <message>
        <source>The scan is %1 characters long; a code has at most %2.</source>
        <translation>स्कैन %1 अक्षर लंबा है; कोड में अधिकतम %2 होते हैं।</translation>
    </message>
    <message>
        <source>The scan was empty.</source>
        <translation>स्कैन खाली था।</translation>
    </message>
    <message>
        <source>%1 is not a TraceTrack command code.</source>
        <translation>%1 TraceTrack का कमांड कोड नहीं है।</translation>
    </message>
    <message>
        <source>%1 contains characters no bag code has (look-alike letters or symbols); scan again or type it with a plain keyboard.</source>
        <translation>%1 में ऐसे अक्षर हैं जो किसी बैग कोड में नहीं होते (मिलते-जुलते अक्षर या चिह्न); फिर से स्कैन करें या सामान्य कीबोर्ड से लिखें।</translation>
    </message>
    <message>
        <source>%1 matches no bag type (for example SB12345, M444-12345 or a child code of 4–20 letters and digits).</source>
        <translation>%1 किसी बैग प्रकार से मेल नहीं खाता (उदाहरण: SB12345, M444-12345 या 4–20 अक्षरों और अंकों का चाइल्ड कोड)।</translation>
    </message>
    <message>
        <source>%1 is a child bag; scan parent bags onto bill %2 (TT:DONE leaves bill mode).</source>
        <translation>%1 चाइल्ड बैग है; बिल %2 पर पैरेंट बैग स्कैन करें (TT:DONE से बिल मोड छोड़ें)।</translation>
    </message>
    <message>
        <source>Left bill %1 (%2/%3 parent bags).</source>
        <translation>बिल %1 छोड़ा (%2/%3 पैरेंट बैग)।</translation>
    </message>
    <message>
        <source>No parent bag is selected.</source>
        <translation>कोई पैरेंट बैग नहीं चुना गया है।</translation>
    </message>
    <message>
        <source>%1 done with %2/%3 child bags; scan the next parent bag.</source>
        <translation>%1 पूरा, %2/%3 चाइल्ड बैग के साथ; अगला पैरेंट बैग स्कैन करें।</translation>
    </message>
    <message>
        <source>No bill is selected; scan TT:BILL:&lt;id&gt; first.</source>
        <translation>कोई बिल नहीं चुना गया है; पहले TT:BILL:&lt;id&gt; स्कैन करें।</translation>
    </message>
    <message>
        <source>Unknown command.</source>
        <translation>अज्ञात कमांड।</translation>
    </message>
    <message>
        <source>%1 (%2) may not work on bills.</source>
        <translation>%1 (%2) बिलों पर काम नहीं कर सकते।</translation>
    </message>
    <message>
        <source>There is no bill %1.</source>
        <translation>बिल %1 मौजूद नहीं है।</translation>
    </message>
    <message>
        <source>Bill %1 selected (%2/%3 parent bags); scan parent bags onto it.</source>
        <translation>बिल %1 चुना गया (%2/%3 पैरेंट बैग); इस पर पैरेंट बैग स्कैन करें।</translation>
    </message>
    <message>
        <source>Scan a parent bag or select a bill before weighing.</source>
        <translation>तौलने से पहले पैरेंट बैग स्कैन करें या बिल चुनें।</translation>
    </message>
    <message>
        <source>Unknown user or wrong password.</source>
        <translation>अज्ञात उपयोगकर्ता या गलत पासवर्ड।</translation>
    </message>
    <message>
        <source>%1 (%2) may not manage users.</source>
        <translation>%1 (%2) उपयोगकर्ताओं का प्रबंधन नहीं कर सकते।</translation>
    </message>
    <message>
        <source>There is no dispatch area &quot;%1&quot;.</source>
        <translation>डिस्पैच क्षेत्र &quot;%1&quot; मौजूद नहीं है।</translation>
    </message>
    <message>
        <source>This database has users already; `init` only creates the first admin.</source>
        <translation>इस डेटाबेस में पहले से उपयोगकर्ता हैं; `init` केवल पहला एडमिन बनाता है।</translation>
    </message>
    <message>
        <source>A dispatcher belongs to a dispatch area; name one.</source>
        <translation>डिस्पैचर किसी डिस्पैच क्षेत्र का होता है; एक क्षेत्र बताएँ।</translation>
    </message>
    <message>
        <source>User %1 exists already.</source>
        <translation>उपयोगकर्ता %1 पहले से मौजूद है।</translation>
    </message>
    <message>
        <source>There is no user %1.</source>
        <translation>उपयोगकर्ता %1 मौजूद नहीं है।</translation>
    </message>
    <message>
        <source>Only an admin sets another user&apos;s password.</source>
        <translation>किसी दूसरे उपयोगकर्ता का पासवर्ड केवल एडमिन बदल सकता है।</translation>
    </message>
    <message>
        <source>A weight of %1 g is outside 0–10 000 kg.</source>
        <translation>%1 g का वज़न 0–10 000 kg की सीमा से बाहर है।</translation>
    </message>
    <message>
        <source>%1 is a child bag and cannot be used as a parent.</source>
        <translation>%1 चाइल्ड बैग है; इसे पैरेंट बैग की तरह इस्तेमाल नहीं किया जा सकता।</translation>
    </message>
    <message>
        <source>%1 selected (%2), but it is on completed bill %3: children cannot be added.</source>
        <translation>%1 चुना गया (%2), लेकिन यह पूरे हो चुके बिल %3 पर है: चाइल्ड बैग नहीं जोड़े जा सकते।</translation>
    </message>
    <message>
        <source>%1 is already full (%2); scan the next parent bag.</source>
        <translation>%1 पहले से भरा है (%2); अगला पैरेंट बैग स्कैन करें।</translation>
    </message>
    <message>
        <source>New parent %1 (%2); scan its child bags.</source>
        <translation>नया पैरेंट बैग %1 (%2); इसके चाइल्ड बैग स्कैन करें।</translation>
    </message>
    <message>
        <source>Parent %1 selected (%2).</source>
        <translation>पैरेंट बैग %1 चुना गया (%2)।</translation>
    </message>
    <message>
        <source>There is no parent bag %1.</source>
        <translation>पैरेंट बैग %1 मौजूद नहीं है।</translation>
    </message>
    <message>
        <source>%1 is a child bag, not a parent.</source>
        <translation>%1 चाइल्ड बैग है, पैरेंट बैग नहीं।</translation>
    </message>
    <message>
        <source>%1 is already in %2 (%3); nothing changed.</source>
        <translation>%1 पहले से %2 में है (%3); कुछ नहीं बदला।</translation>
    </message>
    <message>
        <source>%1 added to %2; %2 is now full (%3/%4): scan the next parent bag.</source>
        <translation>%1 को %2 में जोड़ा; %2 अब भर गया है (%3/%4): अगला पैरेंट बैग स्कैन करें।</translation>
    </message>
    <message>
        <source>%1 added to %2 (%3/%4).</source>
        <translation>%1 को %2 में जोड़ा (%3/%4)।</translation>
    </message>
    <message>
        <source>Undone: %1 taken out of %2 (%3/%4). The bag and its history stay.</source>
        <translation>वापस लिया: %1 को %2 से निकाला (%3/%4)। बैग और उसका इतिहास बना रहता है।</translation>
    </message>
    <message>
        <source>%1 is already in %2; nothing changed.</source>
        <translation>%1 पहले से %2 में है; कुछ नहीं बदला।</translation>
    </message>
    <message>
        <source>%1 put into %2 (%3/%4).</source>
        <translation>%1 को %2 में डाला (%3/%4)।</translation>
    </message>
    <message>
        <source>%1 moved from %2 to %3 (%4/%5).</source>
        <translation>%1 को %2 से %3 में बदला (%4/%5)।</translation>
    </message>
    <message>
        <source>%1 has link or bill history, which is kept; it cannot be deleted.</source>
        <translation>%1 का लिंक या बिल इतिहास है, जो रखा जाता है; इसे हटाया नहीं जा सकता।</translation>
    </message>
    <message>
        <source>Bag %1 deleted.</source>
        <translation>बैग %1 हटाया गया।</translation>
    </message>
    <message>
        <source>%1 exists already; nothing changed.</source>
        <translation>%1 पहले से मौजूद है; कुछ नहीं बदला।</translation>
    </message>
    <message>
        <source>%1 matches no bag type.</source>
        <translation>%1 किसी बैग प्रकार से मेल नहीं खाता।</translation>
    </message>
    <message>
        <source>%1 %2 registered (%3).</source>
        <translation>%1 %2 दर्ज किया गया (%3)।</translation>
    </message>
    <message>
        <source>A weight belongs to one parent bag or one bill.</source>
        <translation>वज़न किसी एक पैरेंट बैग या एक बिल का होता है।</translation>
    </message>
    <message>
        <source>Bill %1 weighed: %2 g.</source>
        <translation>बिल %1 तौला गया: %2 g।</translation>
    </message>
    <message>
        <source>%1 is a child bag.</source>
        <translation>%1 चाइल्ड बैग है।</translation>
    </message>
    <message>
        <source>%1 weighed: %2 g (contents computed: %3 g).</source>
        <translation>%1 तौला गया: %2 g (सामग्री का हिसाब: %3 g)।</translation>
    </message>
    <message>
        <source>%1 is a %2 code and cannot be used as a %3.</source>
        <translation>%1 %2 कोड है; इसे %3 की तरह इस्तेमाल नहीं किया जा सकता।</translation>
    </message>
    <message>
        <source>%1 (%2) may not %3.</source>
        <translation>%1 (%2) को &quot;%3&quot; की अनुमति नहीं है।</translation>
    </message>
    <message>
        <source>Bill %1 exists already.</source>
        <translation>बिल %1 पहले से मौजूद है।</translation>
    </message>
    <message>
        <source>Bill %1 created for %2 parent bags.</source>
        <translation>बिल %1 बनाया गया, %2 पैरेंट बैग के लिए।</translation>
    </message>
    <message>
        <source>%1 is already on bill %2 (%3/%4); nothing changed.</source>
        <translation>%1 पहले से बिल %2 पर है (%3/%4); कुछ नहीं बदला।</translation>
    </message>
    <message>
        <source>%1 added to bill %2; the bill is full (%3/%4): complete it (TT:COMPLETE). %5.</source>
        <translation>%1 को बिल %2 में जोड़ा; बिल भर गया है (%3/%4): इसे पूरा करें (TT:COMPLETE)। %5।</translation>
    </message>
    <message>
        <source>%1 added to bill %2 (%3/%4); %5.</source>
        <translation>%1 को बिल %2 में जोड़ा (%3/%4); %5।</translation>
    </message>
    <message>
        <source>%1 removed from bill %2 (%3/%4)%5.</source>
        <translation>%1 को बिल %2 से हटाया (%3/%4)%5।</translation>
    </message>
    <message>
        <source>Bill %1 completed with %2 parent bags; %3.</source>
        <translation>बिल %1 पूरा हुआ, %2 पैरेंट बैग के साथ; %3।</translation>
    </message>
    <message>
        <source>Bill %1 is open again.</source>
        <translation>बिल %1 फिर से खुल गया।</translation>
    </message>
    <message>
        <source>Bill %1 already holds %2 parent bags; nothing changed.</source>
        <translation>बिल %1 में पहले से %2 पैरेंट बैग की क्षमता है; कुछ नहीं बदला।</translation>
    </message>
    <message>
        <source>Bill %1 now holds %2 parent bags (%3 on it).</source>
        <translation>बिल %1 में अब %2 पैरेंट बैग आते हैं (%3 उस पर हैं)।</translation>
    </message>
    <message>
        <source>Bill %1 deleted; its %2 parent bags are free.</source>
        <translation>बिल %1 हटाया गया; उसके %2 पैरेंट बैग अब खाली हैं।</translation>
    </message>
    <message>
        <source>Not logged in.</source>
        <translation>लॉग इन नहीं है।</translation>
    </message>
    <message>
        <source>Only admins change settings.</source>
        <translation>सेटिंग्स केवल एडमिन बदल सकते हैं।</translation>
    </message>
    <message>
        <source>The session is locked. Log in again to scan; nothing was recorded.</source>
        <translation>सत्र लॉक है। स्कैन करने के लिए फिर से लॉग इन करें; कुछ दर्ज नहीं हुआ।</translation>
    </message>
    <message>
        <source>actual %1, expected %2, variance %3</source>
        <translation>वास्तविक %1, अपेक्षित %2, अंतर %3</translation>
    </message>
    <message>
        <source>; the bill is open again</source>
        <translation>; बिल फिर से खुल गया</translation>
    </message>
    <message>
        <source>dispatcher</source>
        <translation>डिस्पैचर</translation>
    </message>
    <message>
        <source>biller</source>
        <translation>बिलर</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>एडमिन</translation>
    </message>
    <message>
        <source>parent</source>
        <translation>पैरेंट</translation>
    </message>
    <message>
        <source>child</source>
        <translation>चाइल्ड</translation>
    </message>
    <message>
        <source>select parent</source>
        <translation>पैरेंट चुनना</translation>
    </message>
    <message>
        <source>link child</source>
        <translation>चाइल्ड जोड़ना</translation>
    </message>
    <message>
        <source>undo</source>
        <translation>वापस लेना</translation>
    </message>
    <message>
        <source>move child</source>
        <translation>चाइल्ड बदलना</translation>
    </message>
    <message>
        <source>delete bag</source>
        <translation>बैग हटाना</translation>
    </message>
    <message>
        <source>create bill</source>
        <translation>बिल बनाना</translation>
    </message>
    <message>
        <source>add parent to bill</source>
        <translation>बिल में पैरेंट जोड़ना</translation>
    </message>
    <message>
        <source>remove parent from bill</source>
        <translation>बिल से पैरेंट हटाना</translation>
    </message>
    <message>
        <source>complete bill</source>
        <translation>बिल पूरा करना</translation>
    </message>
    <message>
        <source>reopen bill</source>
        <translation>बिल फिर से खोलना</translation>
    </message>
    <message>
        <source>set bill capacity</source>
        <translation>बिल की क्षमता तय करना</translation>
    </message>
    <message>
        <source>delete bill</source>
        <translation>बिल हटाना</translation>
    </message>
    <message>
        <source>register bag</source>
        <translation>बैग दर्ज करना</translation>
    </message>
    <message>
        <source>record weight</source>
        <translation>वज़न दर्ज करना</translation>
    </message>
    <message>
        <source>There is a bag type %1 already.</source>
        <translation>बैग प्रकार %1 पहले से मौजूद है।</translation>
    </message>
    <message>
        <source>Bag type %1 has the same code pattern already.</source>
        <translation>बैग प्रकार %1 का कोड पैटर्न पहले से यही है।</translation>
    </message>
    <message>
        <source>The code prefix %1 overlaps prefix %2 of bag type %3; choose a prefix that neither starts with the other.</source>
        <translation>कोड उपसर्ग %1, बैग प्रकार %3 के उपसर्ग %2 से टकराता है; ऐसा उपसर्ग चुनें जो दूसरे से शुरू न हो और न दूसरा इससे।</translation>
    </message>
    <message>
        <source>%1 already has %2 return tickets; no more can be opened that day.</source>
        <translation>%1 को पहले से %2 वापसी टिकट हैं; उस दिन और नहीं खोले जा सकते।</translation>
    </message>
    <message>
        <source>There is no such return ticket.</source>
        <translation>ऐसा कोई वापसी टिकट नहीं है।</translation>
    </message>
    <message>
        <source>Return ticket %1 is %2; it cannot change.</source>
        <translation>वापसी टिकट %1 %2 है; इसे बदला नहीं जा सकता।</translation>
    </message>
    <message>
        <source>%1 is a child bag; only parent bags are returned.</source>
        <translation>%1 चाइल्ड बैग है; केवल पैरेंट बैग वापस होते हैं।</translation>
    </message>
    <message>
        <source>%1 is already on return ticket %2.</source>
        <translation>%1 पहले से वापसी टिकट %2 पर है।</translation>
    </message>
    <message>
        <source>%1 is not on any bill; only billed parent bags can be returned.</source>
        <translation>%1 किसी बिल पर नहीं है; केवल बिल वाले पैरेंट बैग ही वापस हो सकते हैं।</translation>
    </message>
    <message>
        <source>Return ticket %1 has no bags: scan at least one parent bag, or cancel it.</source>
        <translation>वापसी टिकट %1 में कोई बैग नहीं है: कम से कम एक पैरेंट बैग स्कैन करें, या इसे रद्द करें।</translation>
    </message>
    <message>
        <source>This account needs the one-time code from its authenticator app.</source>
        <translation>इस खाते को ऑथेंटिकेटर ऐप का वन-टाइम कोड चाहिए।</translation>
    </message>
    <message>
        <source>Only admin accounts use a one-time code.</source>
        <translation>केवल एडमिन खाते वन-टाइम कोड का उपयोग करते हैं।</translation>
    </message>
    <message>
        <source>%1 has a one-time code already; disable it first to set up a new device.</source>
        <translation>%1 का वन-टाइम कोड पहले से है; नया डिवाइस लगाने के लिए पहले इसे बंद करें।</translation>
    </message>
    <message>
        <source>The one-time code of %1 is on already.</source>
        <translation>%1 का वन-टाइम कोड पहले से चालू है।</translation>
    </message>
    <message>
        <source>Set up the one-time code first (`user totp enable`), then confirm a code.</source>
        <translation>पहले वन-टाइम कोड सेट करें (`user totp enable`), फिर एक कोड की पुष्टि करें।</translation>
    </message>
    <message>
        <source>That code does not match. Enter the 6-digit code the app shows now, and check that the device&apos;s clock is right.</source>
        <translation>यह कोड मेल नहीं खाता। ऐप में अभी दिख रहा 6 अंकों का कोड डालें, और जाँचें कि डिवाइस की घड़ी सही है।</translation>
    </message>
    <message>
        <source>Only an admin turns off another user&apos;s one-time code.</source>
        <translation>किसी दूसरे उपयोगकर्ता का वन-टाइम कोड केवल एडमिन बंद कर सकता है।</translation>
    </message>
    <message>
        <source>%1 has no one-time code.</source>
        <translation>%1 का कोई वन-टाइम कोड नहीं है।</translation>
    </message>
    <message>
        <source>Area %1 is inactive; activate it first.</source>
        <translation>क्षेत्र %1 निष्क्रिय है; पहले इसे सक्रिय करें।</translation>
    </message>
    <message>
        <source>There is no return ticket %1.</source>
        <translation>वापसी टिकट %1 मौजूद नहीं है।</translation>
    </message>
    <message>
        <source>Return ticket %1 opened; scan the parent bags coming back.</source>
        <translation>वापसी टिकट %1 खोला गया; वापस आ रहे पैरेंट बैग स्कैन करें।</translation>
    </message>
    <message>
        <source>%1 returned from bill %2 with %3 children (%4); the bill has %5/%6 parent bags%7. Ticket %8: %9 returned.</source>
        <translation>%1 बिल %2 से %3 चाइल्ड बैग (%4) के साथ वापस आया; बिल में अब %5/%6 पैरेंट बैग हैं%7। टिकट %8: %9 वापस।</translation>
    </message>
    <message>
        <source>Return ticket %1 finalised with %2 parent bags (%3).</source>
        <translation>वापसी टिकट %1 अंतिम किया गया, %2 पैरेंट बैग (%3) के साथ।</translation>
    </message>
    <message>
        <source>Return ticket %1 cancelled; the %2 parent bags already returned stay off their bills.</source>
        <translation>वापसी टिकट %1 रद्द किया गया; पहले से वापस आए %2 पैरेंट बैग अपने बिलों से बाहर ही रहेंगे।</translation>
    </message>
    <message>
        <source>There is no bag type &quot;%1&quot;.</source>
        <translation>बैग प्रकार &quot;%1&quot; मौजूद नहीं है।</translation>
    </message>
    <message>
        <source>An area needs a name of 1–60 characters.</source>
        <translation>क्षेत्र का नाम 1–60 अक्षरों का होना चाहिए।</translation>
    </message>
    <message>
        <source>There is no station &quot;%1&quot;.</source>
        <translation>स्टेशन &quot;%1&quot; मौजूद नहीं है।</translation>
    </message>
    <message>
        <source>A bag type&apos;s role is parent or child, not &quot;%1&quot;.</source>
        <translation>बैग प्रकार की भूमिका पैरेंट या चाइल्ड होती है, &quot;%1&quot; नहीं।</translation>
    </message>
    <message>
        <source>Bag type %1 (%2, %3) added.</source>
        <translation>बैग प्रकार %1 (%2, %3) जोड़ा गया।</translation>
    </message>
    <message>
        <source>Child bag types have no capacity.</source>
        <translation>चाइल्ड बैग प्रकारों की कोई क्षमता नहीं होती।</translation>
    </message>
    <message>
        <source>Bag type %1 is unchanged.</source>
        <translation>बैग प्रकार %1 में कोई बदलाव नहीं।</translation>
    </message>
    <message>
        <source>Bag type %1 changed (%2); bags created before keep their capacity and weights.</source>
        <translation>बैग प्रकार %1 बदला गया (%2); पहले बने बैग अपनी क्षमता और वज़न रखते हैं।</translation>
    </message>
    <message>
        <source>Bag type %1 has %2 bags; deactivate it instead.</source>
        <translation>बैग प्रकार %1 के %2 बैग हैं; इसके बजाय इसे निष्क्रिय करें।</translation>
    </message>
    <message>
        <source>Bag type %1 deleted.</source>
        <translation>बैग प्रकार %1 हटाया गया।</translation>
    </message>
    <message>
        <source>There is an area %1 already.</source>
        <translation>क्षेत्र %1 पहले से मौजूद है।</translation>
    </message>
    <message>
        <source>Area %1 added.</source>
        <translation>क्षेत्र %1 जोड़ा गया।</translation>
    </message>
    <message>
        <source>Area %1 is unchanged.</source>
        <translation>क्षेत्र %1 में कोई बदलाव नहीं।</translation>
    </message>
    <message>
        <source>Area %1 is now %2.</source>
        <translation>क्षेत्र %1 अब %2 है।</translation>
    </message>
    <message>
        <source>Area %1 renamed to %2.</source>
        <translation>क्षेत्र %1 का नाम बदलकर %2 किया गया।</translation>
    </message>
    <message>
        <source>Area %1 has %2 users and %3 stations; deactivate it instead.</source>
        <translation>क्षेत्र %1 में %2 उपयोगकर्ता और %3 स्टेशन हैं; इसके बजाय इसे निष्क्रिय करें।</translation>
    </message>
    <message>
        <source>Area %1 deleted.</source>
        <translation>क्षेत्र %1 हटाया गया।</translation>
    </message>
    <message>
        <source>A station id is 1–60 characters without spaces.</source>
        <translation>स्टेशन आईडी 1–60 अक्षरों की होती है, बिना खाली जगह के।</translation>
    </message>
    <message>
        <source>Station %1 exists already.</source>
        <translation>स्टेशन %1 पहले से मौजूद है।</translation>
    </message>
    <message>
        <source>Station %1 added to area %2.</source>
        <translation>स्टेशन %1 क्षेत्र %2 में जोड़ा गया।</translation>
    </message>
    <message>
        <source>Station %1 is unchanged.</source>
        <translation>स्टेशन %1 में कोई बदलाव नहीं।</translation>
    </message>
    <message>
        <source>Station %1: area %2, %3.</source>
        <translation>स्टेशन %1: क्षेत्र %2, %3।</translation>
    </message>
    <message>
        <source> and is open again</source>
        <translation> और फिर से खुल गया</translation>
    </message>
    <message>
        <source>active</source>
        <translation>सक्रिय</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>निष्क्रिय</translation>
    </message>
    <message>
        <source>open</source>
        <translation>खुला</translation>
    </message>
    <message>
        <source>finalised</source>
        <translation>अंतिम</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>रद्द</translation>
    </message>
    <message>
        <source>open return</source>
        <translation>वापसी खोलना</translation>
    </message>
    <message>
        <source>return parent</source>
        <translation>पैरेंट वापस लेना</translation>
    </message>
    <message>
        <source>finalise return</source>
        <translation>वापसी अंतिम करना</translation>
    </message>
    <message>
        <source>cancel return</source>
        <translation>वापसी रद्द करना</translation>
    </message>
</context>
<context>
    <name>tt::FirstRunDialog</name>
    <message>
        <source>Welcome to TraceTrack</source>
        <translation>TraceTrack में आपका स्वागत है</translation>
    </message>
    <message>
        <source>10+ characters, three of: a-z, A-Z, 0-9, symbol</source>
        <translation>10+ अक्षर, इनमें से तीन: a-z, A-Z, 0-9, चिह्न</translation>
    </message>
    <message>
        <source>Admin user name</source>
        <translation>एडमिन उपयोगकर्ता नाम</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>पासवर्ड</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>पासवर्ड दोबारा लिखें</translation>
    </message>
    <message>
        <source>Create admin</source>
        <translation>एडमिन बनाएँ</translation>
    </message>
    <message>
        <source>Load demo data</source>
        <translation>डेमो डेटा लोड करें</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>दोनों पासवर्ड अलग हैं।</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Set up this station&lt;/h2&gt;&lt;p&gt;Where does this station keep its data?&lt;/p&gt;</source>
        <translation>&lt;h2&gt;यह स्टेशन तैयार करें&lt;/h2&gt;&lt;p&gt;यह स्टेशन अपना डेटा कहाँ रखता है?&lt;/p&gt;</translation>
    </message>
    <message>
        <source>This database has no users yet. Create the first administrator, or load a small demo site to try TraceTrack.</source>
        <translation>इस डेटाबेस में अभी कोई उपयोगकर्ता नहीं है। पहला एडमिन बनाएँ, या TraceTrack आज़माने के लिए एक छोटी डेमो साइट लोड करें।</translation>
    </message>
    <message>
        <source>The central database must be set up first (docs/guide-admin.md). Enter the station role&apos;s connection, or paste a postgresql:// URL.</source>
        <translation>केंद्रीय डेटाबेस पहले तैयार होना चाहिए (docs/guide-admin.md)। स्टेशन रोल का कनेक्शन भरें, या postgresql:// URL चिपकाएँ।</translation>
    </message>
    <message>
        <source>Use this central database</source>
        <translation>यह केंद्रीय डेटाबेस इस्तेमाल करें</translation>
    </message>
</context>
<context>
    <name>tt::LockScreen</name>
    <message>
        <source>Unlock</source>
        <translation>अनलॉक करें</translation>
    </message>
    <message>
        <source>Session locked</source>
        <translation>सत्र लॉक है</translation>
    </message>
    <message>
        <source>Signed in as &lt;b&gt;%1&lt;/b&gt;. Your work is kept; enter your password to continue.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; के रूप में लॉग इन। आपका काम सुरक्षित है; आगे बढ़ने के लिए अपना पासवर्ड डालें।</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>पासवर्ड</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>जाँच हो रही है…</translation>
    </message>
    <message>
        <source>One-time code (if your account uses one)</source>
        <translation>वन-टाइम कोड (अगर लागू हो)</translation>
    </message>
</context>
<context>
    <name>tt::LoginDialog</name>
    <message>
        <source>TraceTrack — log in</source>
        <translation>TraceTrack — लॉग इन</translation>
    </message>
    <message>
        <source>User</source>
        <translation>उपयोगकर्ता</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>पासवर्ड</translation>
    </message>
    <message>
        <source>&lt;h2&gt;TraceTrack&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;TraceTrack&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>only if your account uses one</source>
        <translation>केवल अगर आपका खाता इसका उपयोग करता है</translation>
    </message>
    <message>
        <source>One-time code</source>
        <translation>वन-टाइम कोड</translation>
    </message>
    <message>
        <source>TraceTrack — log in (central: %1)</source>
        <translation>TraceTrack — लॉग इन (केंद्रीय: %1)</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>जाँच हो रही है…</translation>
    </message>
</context>
<context>
    <name>tt::MainWindow</name>
    <message>
        <source>TraceTrack — %1</source>
        <translation>TraceTrack — %1</translation>
    </message>
    <message>
        <source>Database problem: %1</source>
        <translation>डेटाबेस में समस्या: %1</translation>
    </message>
    <message>
        <source>&lt;h1&gt;TraceTrack&lt;/h1&gt;&lt;p&gt;Log in to scan.&lt;/p&gt;</source>
        <translation>&lt;h1&gt;TraceTrack&lt;/h1&gt;&lt;p&gt;स्कैन करने के लिए लॉग इन करें।&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>स्टेशन</translation>
    </message>
    <message>
        <source>Bills</source>
        <translation>बिल</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>खोज</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>डैशबोर्ड</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>एडमिन</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>embedded · queue 0</source>
        <translation>एम्बेडेड · कतार 0</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>लॉक करें</translation>
    </message>
    <message>
        <source>Locked by the user.</source>
        <translation>उपयोगकर्ता ने लॉक किया।</translation>
    </message>
    <message>
        <source>Sessions end after one hour; please log in again.</source>
        <translation>सत्र एक घंटे बाद समाप्त होता है; कृपया फिर से लॉग इन करें।</translation>
    </message>
    <message>
        <source>Locked after 30 minutes without activity.</source>
        <translation>30 मिनट तक कोई गतिविधि न होने पर लॉक किया गया।</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>keyboard wedge ready</source>
        <translation>कीबोर्ड वेज तैयार</translation>
    </message>
    <message>
        <source>serial %1 connected</source>
        <translation>सीरियल %1 जुड़ा है</translation>
    </message>
    <message>
        <source>serial %1 not connected</source>
        <translation>सीरियल %1 नहीं जुड़ा</translation>
    </message>
    <message>
        <source>Scanner: %1</source>
        <translation>स्कैनर: %1</translation>
    </message>
    <message>
        <source>typed input only</source>
        <translation>केवल टाइप किया इनपुट</translation>
    </message>
    <message>
        <source>Only %1 can unlock this station.</source>
        <translation>यह स्टेशन केवल %1 अनलॉक कर सकते हैं।</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>वापसी</translation>
    </message>
    <message>
        <source>never</source>
        <translation>कभी नहीं</translation>
    </message>
    <message>
        <source>central · %1 · queue %2 · last sync %3</source>
        <translation>केंद्रीय · %1 · कतार %2 · पिछला सिंक %3</translation>
    </message>
    <message>
        <source>online</source>
        <translation>ऑनलाइन</translation>
    </message>
    <message>
        <source>OFFLINE</source>
        <translation>ऑफ़लाइन</translation>
    </message>
</context>
<context>
    <name>tt::ReturnLineModel</name>
    <message>
        <source>Parent bag</source>
        <translation>पैरेंट बैग</translation>
    </message>
    <message>
        <source>Original bill</source>
        <translation>मूल बिल</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>चाइल्ड बैग</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>वज़न</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>वापस आया</translation>
    </message>
    <message>
        <source>By</source>
        <translation>द्वारा</translation>
    </message>
</context>
<context>
    <name>tt::ReturnListModel</name>
    <message>
        <source>Open</source>
        <translation>खुला</translation>
    </message>
    <message>
        <source>Finalised</source>
        <translation>अंतिम किया गया</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>रद्द</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>टिकट</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>Bags</source>
        <translation>बैग</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>वज़न</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>खोला गया</translation>
    </message>
    <message>
        <source>By</source>
        <translation>द्वारा</translation>
    </message>
</context>
<context>
    <name>tt::ReturnsPage</name>
    <message>
        <source>Open return ticket</source>
        <translation>वापसी टिकट खोलें</translation>
    </message>
    <message>
        <source>Finalise</source>
        <translation>अंतिम करें</translation>
    </message>
    <message>
        <source>Cancel ticket</source>
        <translation>टिकट रद्द करें</translation>
    </message>
    <message>
        <source>Scan a parent bag coming back</source>
        <translation>वापस आ रहा पैरेंट बैग स्कैन करें</translation>
    </message>
    <message>
        <source>Return %1</source>
        <translation>वापसी %1</translation>
    </message>
    <message numerus="yes">
        <source>%n bag(s)</source>
        <translation>
            <numerusform>%n बैग</numerusform>
            <numerusform>%n बैग</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#1f5fa8&apos;&gt;OPEN&lt;/b&gt; · opened by %1 at %2 · %3</source>
        <translation>&lt;b style=&apos;color:#1f5fa8&apos;&gt;खुला&lt;/b&gt; · %1 ने %2 बजे खोला · %3</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; by %2 at %3 · %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2 ने %3 बजे · %4</translation>
    </message>
    <message>
        <source>No return ticket</source>
        <translation>कोई वापसी टिकट नहीं</translation>
    </message>
    <message>
        <source>Open a return ticket, or choose one on the left.</source>
        <translation>वापसी टिकट खोलें, या बाईं ओर से एक चुनें।</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>लोड हो रहा है…</translation>
    </message>
</context>
<context>
    <name>tt::ScanListModel</name>
    <message>
        <source>linked</source>
        <translation>जोड़ा गया</translation>
    </message>
    <message>
        <source>parent selected</source>
        <translation>पैरेंट चुना गया</translation>
    </message>
    <message>
        <source>added to bill</source>
        <translation>बिल में जोड़ा गया</translation>
    </message>
    <message>
        <source>link undone</source>
        <translation>लिंक वापस लिया गया</translation>
    </message>
    <message>
        <source>moved</source>
        <translation>स्थानांतरित</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>समय</translation>
    </message>
    <message>
        <source>User</source>
        <translation>उपयोगकर्ता</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>स्टेशन</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>कार्य</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>कोड</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>पैरेंट बैग</translation>
    </message>
    <message>
        <source>Bill</source>
        <translation>बिल</translation>
    </message>
</context>
<context>
    <name>tt::SearchPage</name>
    <message>
        <source>Code contains… (e.g. SB000 or C0001)</source>
        <translation>कोड में शामिल… (जैसे SB000 या C0001)</translation>
    </message>
    <message>
        <source>Bill id contains…</source>
        <translation>बिल आईडी में शामिल…</translation>
    </message>
    <message>
        <source>Code contains…</source>
        <translation>कोड में शामिल…</translation>
    </message>
    <message>
        <source>User</source>
        <translation>उपयोगकर्ता</translation>
    </message>
    <message>
        <source>Parents and children</source>
        <translation>पैरेंट और चाइल्ड बैग</translation>
    </message>
    <message>
        <source>Parents</source>
        <translation>पैरेंट बैग</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>चाइल्ड बैग</translation>
    </message>
    <message>
        <source>All bills</source>
        <translation>सभी बिल</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>खुले</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>पूरे</translation>
    </message>
    <message>
        <source>Any action</source>
        <translation>कोई भी कार्य</translation>
    </message>
    <message>
        <source>Bags</source>
        <translation>बैग</translation>
    </message>
    <message>
        <source>Bills</source>
        <translation>बिल</translation>
    </message>
    <message>
        <source>Scans</source>
        <translation>स्कैन</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>करने वाला</translation>
    </message>
    <message>
        <source>Action, entity or id contains…</source>
        <translation>कार्य, वस्तु या आईडी में शामिल…</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>ऑडिट लॉग</translation>
    </message>
    <message>
        <source>%1 rows loaded; scroll for more</source>
        <translation>%1 पंक्तियाँ लोड हुईं; और देखने के लिए स्क्रॉल करें</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n पंक्ति</numerusform>
            <numerusform>%n पंक्तियाँ</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tt::StationListModel</name>
    <message>
        <source>active</source>
        <translation>सक्रिय</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>निष्क्रिय</translation>
    </message>
    <message>
        <source>never</source>
        <translation>कभी नहीं</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>स्टेशन</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>क्षेत्र</translation>
    </message>
    <message>
        <source>State</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>दर्ज किया गया</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>आखिरी बार देखा</translation>
    </message>
</context>
<context>
    <name>tt::StationView</name>
    <message>
        <source>Scan a parent bag</source>
        <translation>पैरेंट बैग स्कैन करें</translation>
    </message>
    <message>
        <source>Ready. Scan a parent bag, then its child bags.</source>
        <translation>तैयार। पहले पैरेंट बैग स्कैन करें, फिर उसके चाइल्ड बैग।</translation>
    </message>
    <message>
        <source>Undo last link</source>
        <translation>पिछला लिंक वापस लें</translation>
    </message>
    <message>
        <source>CURRENT PARENT BAG</source>
        <translation>मौजूदा पैरेंट बैग</translation>
    </message>
    <message>
        <source>Scan, or type a code and press Enter</source>
        <translation>स्कैन करें, या कोड लिखकर Enter दबाएँ</translation>
    </message>
    <message>
        <source>Ends the last link you made (scan TT:UNDO does the same)</source>
        <translation>आपका बनाया पिछला लिंक खत्म करता है (TT:UNDO स्कैन करने से भी यही होता है)</translation>
    </message>
    <message>
        <source>Last scans</source>
        <translation>पिछले स्कैन</translation>
    </message>
    <message>
        <source>embedded</source>
        <translation>एम्बेडेड</translation>
    </message>
    <message>
        <source>keyboard</source>
        <translation>कीबोर्ड</translation>
    </message>
    <message>
        <source>Scanner: %1</source>
        <translation>स्कैनर: %1</translation>
    </message>
    <message>
        <source>Mode: %1</source>
        <translation>मोड: %1</translation>
    </message>
    <message>
        <source>Queued scans: %1
Last sync: — (no central server)</source>
        <translation>कतार में स्कैन: %1
पिछला सिंक: — (कोई केंद्रीय सर्वर नहीं)</translation>
    </message>
    <message>
        <source>%1 — %2 is full. Scan the next parent bag.</source>
        <translation>%1 — %2 भर गया। अगला पैरेंट बैग स्कैन करें।</translation>
    </message>
    <message>
        <source>Central: %1</source>
        <translation>केंद्रीय: %1</translation>
    </message>
    <message>
        <source>online</source>
        <translation>ऑनलाइन</translation>
    </message>
    <message>
        <source>OFFLINE</source>
        <translation>ऑफ़लाइन</translation>
    </message>
    <message>
        <source>Queued: %1</source>
        <translation>कतार में: %1</translation>
    </message>
    <message>
        <source> (oldest %1)</source>
        <translation> (सबसे पुराना %1)</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>पिछला सिंक: %1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>कभी नहीं</translation>
    </message>
    <message>
        <source>Conflicts: %1 …</source>
        <translation>टकराव: %1 …</translation>
    </message>
    <message>
        <source>Station %1</source>
        <translation>स्टेशन %1</translation>
    </message>
    <message>
        <source>Station %1 · area %2</source>
        <translation>स्टेशन %1 · क्षेत्र %2</translation>
    </message>
</context>
<context>
    <name>tt::TotpDialog</name>
    <message>
        <source>Confirm</source>
        <translation>पुष्टि करें</translation>
    </message>
    <message>
        <source>One-time code for %1</source>
        <translation>%1 के लिए वन-टाइम कोड</translation>
    </message>
    <message>
        <source>6 digits</source>
        <translation>6 अंक</translation>
    </message>
    <message>
        <source>Scan the QR code with an authenticator app (or type the key into it), then enter the 6-digit code it shows. From then on, logging in and unlocking need the password and the current code.</source>
        <translation>ऑथेंटिकेटर ऐप से QR कोड स्कैन करें (या उसमें की लिखें), फिर वह जो 6 अंकों का कोड दिखाए उसे डालें। उसके बाद लॉग इन और अनलॉक के लिए पासवर्ड और मौजूदा कोड दोनों चाहिए।</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>की</translation>
    </message>
    <message>
        <source>Code from the app</source>
        <translation>ऐप का कोड</translation>
    </message>
    <message>
        <source>Preparing a new key…</source>
        <translation>नई की तैयार हो रही है…</translation>
    </message>
</context>
<context>
    <name>tt::UserListModel</name>
    <message>
        <source>disabled</source>
        <translation>बंद</translation>
    </message>
    <message>
        <source>locked until %1</source>
        <translation>%1 तक लॉक</translation>
    </message>
    <message>
        <source>active</source>
        <translation>सक्रिय</translation>
    </message>
    <message>
        <source>User</source>
        <translation>उपयोगकर्ता</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>भूमिका</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>क्षेत्र</translation>
    </message>
    <message>
        <source>State</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>Failed logins</source>
        <translation>असफल लॉग इन</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>बनाया गया</translation>
    </message>
    <message>
        <source>active, one-time code</source>
        <translation>सक्रिय, वन-टाइम कोड</translation>
    </message>
</context>
</TS>
