<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AccountFlow</name>
    <message>
        <source>Check your email to confirm the account, then sign in.</source>
        <translation>Bestätige das Konto über die E-Mail, die wir dir geschickt haben, und melde dich dann an.</translation>
    </message>
    <message>
        <source>gfdesk could not open your friends and chats; see the log.</source>
        <translation>gfdesk konnte deine Freunde und Chats nicht öffnen; Details im Protokoll.</translation>
    </message>
</context>
<context>
    <name>AccountFooter</name>
    <message>
        <source>Online</source>
        <extracomment>The gap between a navigation icon and its title, as a fraction of the icon.</extracomment>
        <translation>Online</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>No backend</source>
        <translation>Kein Backend</translation>
    </message>
    <message>
        <source>Set your status</source>
        <translation>Status festlegen</translation>
    </message>
    <message>
        <source>Settings (Ctrl+,)</source>
        <translation>Einstellungen (Strg+,)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>gfdesk already runs with the profile {name}: it is brought to the front instead.</source>
        <translation>gfdesk läuft bereits mit dem Profil {name}: Stattdessen wird dieses Fenster nach vorn geholt.</translation>
    </message>
</context>
<context>
    <name>AppearancePage</name>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>System (follow the OS colour scheme)</source>
        <translation>System (Farbschema des Betriebssystems folgen)</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Design</translation>
    </message>
    <message>
        <source>The theme applies at once and is kept for the next start.</source>
        <translation>Das Design gilt sofort und bleibt für den nächsten Start gespeichert.</translation>
    </message>
    <message>
        <source>Applied, but not saved: %s</source>
        <translation>Angewendet, aber nicht gespeichert: %s</translation>
    </message>
</context>
<context>
    <name>BracketScene</name>
    <message>
        <source>LIVE</source>
        <extracomment>The live pill&apos;s least width and its text&apos;s side padding (both sides together). Z order: connectors under cards. How often this card painted itself (tests and the benchmark count repaints).</extracomment>
        <translation>LIVE</translation>
    </message>
</context>
<context>
    <name>BracketView</name>
    <message>
        <source>{match} (live)</source>
        <extracomment>Zoom limits (scene units per pixel: 1 is the cards&apos; own size). Zoom factor per wheel notch and per key press.</extracomment>
        <translation>{match} (live)</translation>
    </message>
    <message>
        <source>Bracket</source>
        <extracomment>The first look at a large bracket is not shrunk below this (it starts at the top left, readable, instead of a whole picture too small to read); ``fit`` goes further. A press and release this close (pixels) is a click, not a drag.</extracomment>
        <translation>Turnierbaum</translation>
    </message>
</context>
<context>
    <name>CallModel</name>
    <message>
        <source>You are already in a call.</source>
        <extracomment>How often the quality indicator is refreshed. The synthetic picture sent when there is no camera. Self-view pictures are scaled to this width before they are painted.</extracomment>
        <translation>Du bist schon in einem Anruf.</translation>
    </message>
    <message>
        <source>Cannot call now: {reason}.</source>
        <translation>Anruf gerade nicht möglich: {reason}.</translation>
    </message>
    <message>
        <source>The call could not be placed; see the log.</source>
        <translation>Der Anruf konnte nicht gestartet werden; Details im Protokoll.</translation>
    </message>
    <message>
        <source>The call could not be answered; see the log.</source>
        <translation>Der Anruf konnte nicht angenommen werden; Details im Protokoll.</translation>
    </message>
</context>
<context>
    <name>CallWindow</name>
    <message>
        <source>Call</source>
        <translation>Anruf</translation>
    </message>
    <message>
        <source>The picture is in the pop-out window.
Close that window to bring it back.</source>
        <extracomment>An ended call&apos;s window stays this long to say why, then hides. Page of the picture stack.</extracomment>
        <translation>Das Bild ist im abgelösten Fenster.
Schließ das Fenster, um es zurückzuholen.</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Stummschalten</translation>
    </message>
    <message>
        <source>Turn the camera off</source>
        <translation>Kamera ausschalten</translation>
    </message>
    <message>
        <source>Switch camera</source>
        <translation>Kamera wechseln</translation>
    </message>
    <message>
        <source>Pop out the picture (for OBS)</source>
        <translation>Bild in eigenem Fenster zeigen (für OBS)</translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation>Auflegen</translation>
    </message>
    <message>
        <source>{kind} with {name}</source>
        <translation>{kind} mit {name}</translation>
    </message>
    <message>
        <source>Voice call</source>
        <translation>Sprachanruf</translation>
    </message>
    <message>
        <source>Voice call · muted</source>
        <translation>Sprachanruf · stummgeschaltet</translation>
    </message>
    <message>
        <source>{name} turned their camera off</source>
        <translation>{name} hat die Kamera ausgeschaltet</translation>
    </message>
    <message>
        <source>Sending: {source}</source>
        <translation>Sendet: {source}</translation>
    </message>
</context>
<context>
    <name>CallsFeature</name>
    <message>
        <source>That call is not in progress on this device.</source>
        <translation>Dieser Anruf läuft nicht auf diesem Gerät.</translation>
    </message>
</context>
<context>
    <name>CallsPage</name>
    <message>
        <source>DEVICES</source>
        <extracomment>The servers listed, and the credentials typed for them in this visit.</extracomment>
        <translation>GERÄTE</translation>
    </message>
    <message>
        <source>Looking for cameras…</source>
        <translation>Suche Kameras…</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Mikrofon</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Lautsprecher</translation>
    </message>
    <message>
        <source>STUN AND TURN SERVERS</source>
        <translation>STUN- UND TURN-SERVER</translation>
    </message>
    <message>
        <source>turn:turn.example.org:3478 (several: separate with commas)</source>
        <translation>turn:turn.example.org:3478 (mehrere: durch Kommas trennen)</translation>
    </message>
    <message>
        <source>TURN only</source>
        <translation>Nur TURN</translation>
    </message>
    <message>
        <source>TURN only; kept in the system keyring</source>
        <translation>Nur TURN; im Schlüsselbund des Systems gespeichert</translation>
    </message>
    <message>
        <source>Add server</source>
        <translation>Server hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>URLs</source>
        <translation>URLs</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Credential</source>
        <translation>Zugangsdaten</translation>
    </message>
    <message>
        <source>CALL SIGNALLING</source>
        <translation>ANRUF-SIGNALISIERUNG</translation>
    </message>
    <message>
        <source>Empty: Supabase Realtime (the default)</source>
        <translation>Leer: Supabase Realtime (Standard)</translation>
    </message>
    <message>
        <source>Kept in the system keyring; empty: the project&apos;s anon key</source>
        <translation>Im Schlüsselbund des Systems gespeichert; leer: der Anon-Key des Projekts</translation>
    </message>
    <message>
        <source>Socket.IO server</source>
        <translation>Socket.IO-Server</translation>
    </message>
    <message>
        <source>Server token</source>
        <translation>Server-Token</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Changes apply from the next call. With no server, calls connect directly (fine on one network; across the internet most need STUN, and TURN behind strict firewalls).</source>
        <translation>Änderungen gelten ab dem nächsten Anruf. Ohne Server verbinden sich Anrufe direkt (im selben Netzwerk kein Problem; übers Internet brauchen die meisten STUN, hinter strengen Firewalls TURN).</translation>
    </message>
    <message>
        <source>{device} (not connected)</source>
        <translation>{device} (nicht verbunden)</translation>
    </message>
    <message>
        <source>  ·  credential entered</source>
        <translation>  ·  Zugangsdaten eingegeben</translation>
    </message>
    <message>
        <source>  ·  credential in the keyring (if saved)</source>
        <translation>  ·  Zugangsdaten im Schlüsselbund (falls gespeichert)</translation>
    </message>
    <message>
        <source>A TURN server needs its credential.</source>
        <translation>Ein TURN-Server braucht seine Zugangsdaten.</translation>
    </message>
    <message>
        <source>Added; press Save to keep it.</source>
        <translation>Hinzugefügt; zum Behalten auf Speichern klicken.</translation>
    </message>
    <message>
        <source>No secure keyring on this system: a TURN credential cannot be kept. Nothing was saved.</source>
        <translation>Kein sicherer Schlüsselbund auf diesem System: TURN-Zugangsdaten können nicht aufbewahrt werden. Nichts wurde gespeichert.</translation>
    </message>
    <message>
        <source>Socket.IO server: {reason}. Nothing was saved.</source>
        <translation>Socket.IO-Server: {reason}. Nichts wurde gespeichert.</translation>
    </message>
    <message>
        <source>A server token needs a Socket.IO server. Nothing was saved.</source>
        <translation>Ein Server-Token braucht einen Socket.IO-Server. Nichts wurde gespeichert.</translation>
    </message>
    <message>
        <source>No secure keyring on this system: the server token cannot be kept. Nothing was saved.</source>
        <translation>Kein sicherer Schlüsselbund auf diesem System: Das Server-Token kann nicht aufbewahrt werden. Nichts wurde gespeichert.</translation>
    </message>
    <message>
        <source>Could not save ({kind}).</source>
        <translation>Speichern fehlgeschlagen ({kind}).</translation>
    </message>
    <message>
        <source>Saved. The next call uses these settings; a new signalling server, from the next sign-in.</source>
        <translation>Gespeichert. Der nächste Anruf nutzt diese Einstellungen; ein neuer Signalisierungsserver ab der nächsten Anmeldung.</translation>
    </message>
</context>
<context>
    <name>CertificateDialog</name>
    <message>
        <source>Certificate changed</source>
        <extracomment>The dialog may stay open as long as the player needs to walk to the host&apos;s screen.</extracomment>
        <translation>Zertifikat geändert</translation>
    </message>
    <message>
        <source>Check the hub&apos;s fingerprint</source>
        <translation>Fingerabdruck des Hubs prüfen</translation>
    </message>
    <message>
        <source>The hub at {address} presents a different certificate than the one you trusted before. Someone on this network may be pretending to be the hub to read your password and messages. Do not continue unless the host has made a new hub and its screen shows the new fingerprint below.

Trusted before:
{pinned}

Presented now:</source>
        <translation>Der Hub unter {address} zeigt ein anderes Zertifikat als das, dem du zuvor vertraut hast. Jemand in diesem Netzwerk könnte sich als der Hub ausgeben, um dein Passwort und deine Nachrichten mitzulesen. Fahre nur fort, wenn der Host einen neuen Hub erstellt hat und dessen Bildschirm den neuen Fingerabdruck unten zeigt.

Bisher vertraut:
{pinned}

Jetzt vorgelegt:</translation>
    </message>
    <message>
        <source>First connection to the hub at {address}. Compare this fingerprint with the one on the host&apos;s screen (the line &quot;TLS fingerprint&quot; where the hub runs). Trust it only if they are the same.</source>
        <translation>Erste Verbindung zum Hub unter {address}. Vergleiche diesen Fingerabdruck mit dem auf dem Bildschirm des Hosts (die Zeile &quot;TLS fingerprint&quot;, wo der Hub läuft). Vertraue ihm nur, wenn beide gleich sind.</translation>
    </message>
    <message>
        <source>Trust the new certificate</source>
        <translation>Dem neuen Zertifikat vertrauen</translation>
    </message>
    <message>
        <source>They match: trust</source>
        <translation>Sie stimmen überein: vertrauen</translation>
    </message>
    <message>
        <source>Do not connect</source>
        <translation>Nicht verbinden</translation>
    </message>
</context>
<context>
    <name>ChatFeature</name>
    <message>
        <source>Direct message</source>
        <translation>Direktnachricht</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
</context>
<context>
    <name>ChatModel</name>
    <message>
        <source>Conversations could not be loaded yet; retrying.</source>
        <extracomment>Retries of a read that failed (offline): first ceiling and largest ceiling, in s. Our messages not confirmed yet, by conversation (kept across switching). Reads retrying while the server is away; cancelled on close.</extracomment>
        <translation>Unterhaltungen konnten noch nicht geladen werden; neuer Versuch läuft.</translation>
    </message>
    <message>
        <source>Could not start the conversation: {reason}</source>
        <translation>Unterhaltung konnte nicht gestartet werden: {reason}</translation>
    </message>
    <message>
        <source>This message can no longer be edited.</source>
        <translation>Diese Nachricht kann nicht mehr bearbeitet werden.</translation>
    </message>
    <message>
        <source>A message cannot be empty; delete it instead.</source>
        <translation>Eine Nachricht kann nicht leer sein; lösch sie stattdessen.</translation>
    </message>
    <message>
        <source>Could not create the group: {reason}</source>
        <translation>Gruppe konnte nicht erstellt werden: {reason}</translation>
    </message>
    <message>
        <source>Could not rename: {reason}</source>
        <translation>Umbenennen fehlgeschlagen: {reason}</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <source>Messages</source>
        <extracomment>The conversation the composer&apos;s text belongs to (its draft on a switch). The message being edited (None: the composer writes a new one).</extracomment>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>+ Group</source>
        <translation>+ Gruppe</translation>
    </message>
    <message>
        <source>Make a group chat with friends</source>
        <translation>Gruppenchat mit Freunden erstellen</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Start a voice call</source>
        <translation>Sprachanruf starten</translation>
    </message>
    <message>
        <source>Start a video call</source>
        <translation>Videoanruf starten</translation>
    </message>
    <message>
        <source>This is the beginning of your conversation with {who}.
Say hi!</source>
        <translation>Hier beginnt deine Unterhaltung mit {who}.
Sag hallo!</translation>
    </message>
    <message>
        <source>This is the beginning of {who}.
Say hi to the group!</source>
        <translation>Hier beginnt {who}.
Sag der Gruppe hallo!</translation>
    </message>
    <message numerus="yes">
        <source>%n members</source>
        <translation>
            <numerusform>%n Mitglied</numerusform>
            <numerusform>%n Mitglieder</numerusform>
        </translation>
    </message>
    <message>
        <source>Direct message</source>
        <translation>Direktnachricht</translation>
    </message>
    <message>
        <source>Message {name}</source>
        <translation>Nachricht an {name}</translation>
    </message>
    <message>
        <source>Edit message</source>
        <translation>Nachricht bearbeiten</translation>
    </message>
    <message>
        <source>Delete message</source>
        <translation>Nachricht löschen</translation>
    </message>
    <message>
        <source>{length} / {limit} characters</source>
        <translation>{length} / {limit} Zeichen</translation>
    </message>
</context>
<context>
    <name>CloseToTray</name>
    <message>
        <source>gfdesk is still running</source>
        <translation>gfdesk läuft weiter</translation>
    </message>
    <message>
        <source>gfdesk is still running in the tray. Choose Quit in the tray menu (or press Ctrl+Q) to end it.</source>
        <translation>gfdesk läuft im Infobereich weiter. Zum Beenden im Menü des Symbols „Beenden“ wählen (oder Strg+Q drücken).</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Message</source>
        <extracomment>The composer grows up to this many lines, then scrolls.</extracomment>
        <translation>Nachricht</translation>
    </message>
</context>
<context>
    <name>ConnectionIndicator</name>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>{ms} ms</source>
        <translation>{ms} ms</translation>
    </message>
    <message>
        <source>Connecting to {backend}…</source>
        <translation>Verbinde mit {backend}…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>Offline — {reason}, retrying</source>
        <translation>Offline — {reason}, neuer Versuch läuft</translation>
    </message>
    <message>
        <source>Offline — retrying</source>
        <translation>Offline — neuer Versuch läuft</translation>
    </message>
    <message>
        <source>No backend</source>
        <translation>Kein Backend</translation>
    </message>
</context>
<context>
    <name>ConnectionStatus</name>
    <message>
        <source>not started</source>
        <translation>nicht gestartet</translation>
    </message>
    <message>
        <source>connection lost</source>
        <translation>Verbindung verloren</translation>
    </message>
    <message>
        <source>not signed in</source>
        <translation>nicht angemeldet</translation>
    </message>
    <message>
        <source>starting the demo hub</source>
        <translation>Demo-Hub wird gestartet</translation>
    </message>
    <message>
        <source>demo hub</source>
        <extracomment>How the status bar names the embedded hub (a backend label, like a host name).</extracomment>
        <translation>Demo-Hub</translation>
    </message>
    <message>
        <source>connection lost ({detail})</source>
        <extracomment>A dropped socket: &quot;connection lost (1006)&quot;; ``{detail}`` is the close code.</extracomment>
        <translation>Verbindung verloren ({detail})</translation>
    </message>
    <message>
        <source>no close frame</source>
        <translation>ohne Close-Frame</translation>
    </message>
</context>
<context>
    <name>ConversationDelegate</name>
    <message>
        <source>Hidden in streamer mode</source>
        <extracomment>A preview is cut here before painting (far more than one row can show).</extracomment>
        <translation>Im Streamer-Modus ausgeblendet</translation>
    </message>
</context>
<context>
    <name>CreateTournamentDialog</name>
    <message>
        <source>New tournament</source>
        <translation>Neues Turnier</translation>
    </message>
    <message>
        <source>Friday Night Cup</source>
        <translation>Freitagabend-Cup</translation>
    </message>
    <message>
        <source>Arena Blitz</source>
        <translation>Arena Blitz</translation>
    </message>
    <message numerus="yes">
        <source>%n players</source>
        <translation>
            <numerusform>%n Spieler</numerusform>
            <numerusform>%n Spieler</numerusform>
        </translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Game</source>
        <translation>Spiel</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Beginnt</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
</context>
<context>
    <name>DesktopPage</name>
    <message>
        <source>Window</source>
        <translation>Fenster</translation>
    </message>
    <message>
        <source>Closing the window keeps gfdesk running in the tray</source>
        <translation>Beim Schließen des Fensters läuft gfdesk im Infobereich weiter</translation>
    </message>
    <message>
        <source>Start gfdesk in the tray when I log in</source>
        <translation>gfdesk bei der Anmeldung im Infobereich starten</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Away after this long idle</source>
        <translation>Nach so langer Inaktivität abwesend</translation>
    </message>
    <message>
        <source>Away after idle</source>
        <translation>Abwesend nach Inaktivität</translation>
    </message>
    <message>
        <source>Streamer mode</source>
        <translation>Streamer-Modus</translation>
    </message>
    <message>
        <source>Streamer mode: hide email addresses, notification texts and message previews</source>
        <translation>Streamer-Modus: E-Mail-Adressen, Benachrichtigungstexte und Nachrichtenvorschauen ausblenden</translation>
    </message>
    <message>
        <source>Turn it on while OBS or Streamlabs runs</source>
        <translation>Einschalten, solange OBS oder Streamlabs läuft</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>Play a sound for new notifications</source>
        <translation>Bei neuen Benachrichtigungen einen Ton abspielen</translation>
    </message>
    <message>
        <source>Start at login could not be changed: {0}</source>
        <translation>Der Start bei der Anmeldung konnte nicht geändert werden: {0}</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>Your friends will show up here</source>
        <extracomment>The round backdrop behind the icon (its radius is in the stylesheet). Title and body wrap at this width; a fixed width keeps Qt&apos;s height-for-width honest.</extracomment>
        <translation>Hier erscheinen deine Freunde</translation>
    </message>
    <message>
        <source>See who is online and what they are playing, then jump into a chat.</source>
        <translation>Sieh, wer online ist und was gerade gespielt wird – und spring direkt in den Chat.</translation>
    </message>
    <message>
        <source>Your conversations will show up here</source>
        <translation>Hier erscheinen deine Unterhaltungen</translation>
    </message>
    <message>
        <source>Direct messages and group chats with your squad, on every device.</source>
        <translation>Direktnachrichten und Gruppenchats mit deinem Squad, auf jedem Gerät.</translation>
    </message>
    <message>
        <source>Tournaments will show up here</source>
        <translation>Hier erscheinen Turniere</translation>
    </message>
    <message>
        <source>Follow live brackets and scores as the matches are played.</source>
        <translation>Verfolge Brackets und Spielstände live, während die Matches laufen.</translation>
    </message>
    <message>
        <source>No backend</source>
        <translation>Kein Backend</translation>
    </message>
    <message>
        <source>Run `gfdesk --demo` for the built-in demo hub, or add your GamerFlick Supabase project in Settings.</source>
        <translation>Starte `gfdesk --demo` für den eingebauten Demo-Hub oder füge dein GamerFlick-Supabase-Projekt in den Einstellungen hinzu.</translation>
    </message>
    <message>
        <source>Open Settings</source>
        <translation>Einstellungen öffnen</translation>
    </message>
    <message>
        <source>your backend</source>
        <translation>deinem Backend</translation>
    </message>
    <message>
        <source>Connecting to {backend}…</source>
        <translation>Verbinde mit {backend}…</translation>
    </message>
    <message>
        <source>This usually takes a moment.</source>
        <translation>Das dauert meist nur einen Moment.</translation>
    </message>
    <message>
        <source>Everything you missed comes in once you&apos;re back online.</source>
        <translation>Alles, was du verpasst hast, kommt rein, sobald du wieder online bist.</translation>
    </message>
    <message>
        <source>Last error: {reason}</source>
        <translation>Letzter Fehler: {reason}</translation>
    </message>
    <message>
        <source>You&apos;re offline — gfdesk keeps retrying</source>
        <translation>Du bist offline — gfdesk versucht es weiter</translation>
    </message>
</context>
<context>
    <name>FriendsView</name>
    <message>
        <source>Search friends</source>
        <extracomment>Muted text on a selected row (the plain muted grey is too faint there). Rows laid out per event-loop turn. The search box never gets narrower than this (it must stay usable at the window&apos;s minimum size).</extracomment>
        <translation>Freunde suchen</translation>
    </message>
    <message>
        <source>Add friend</source>
        <translation>Freund hinzufügen</translation>
    </message>
    <message>
        <source>Friends</source>
        <translation>Freunde</translation>
    </message>
    <message>
        <source>Requests  {count}</source>
        <translation>Anfragen  {count}</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>No friends yet</source>
        <translation>Noch keine Freunde</translation>
    </message>
    <message>
        <source>Find players by their username and send them a request.</source>
        <translation>Finde Spieler über ihren Benutzernamen und schick ihnen eine Anfrage.</translation>
    </message>
    <message>
        <source>No friends match “{query}”</source>
        <translation>Keine Freunde passen zu „{query}“</translation>
    </message>
    <message>
        <source>Check the spelling, or look for them among all players.</source>
        <translation>Prüf die Schreibweise oder such unter allen Spielern.</translation>
    </message>
    <message>
        <source>Search all players for “{query}”</source>
        <translation>Alle Spieler nach „{query}“ durchsuchen</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Nachricht senden</translation>
    </message>
    <message>
        <source>Video call</source>
        <translation>Videoanruf</translation>
    </message>
    <message>
        <source>Voice call</source>
        <translation>Sprachanruf</translation>
    </message>
    <message>
        <source>Remove friend</source>
        <translation>Freund entfernen</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Blockieren</translation>
    </message>
    <message numerus="yes">
        <source>{online} of %n friends online</source>
        <translation>
            <numerusform>{online} von %n Freund online</numerusform>
            <numerusform>{online} von %n Freunden online</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroupDialog</name>
    <message>
        <source>New group</source>
        <translation>Neue Gruppe</translation>
    </message>
    <message>
        <source>Add friends first: a group is made of your friends.</source>
        <translation>Füge zuerst Freunde hinzu: Eine Gruppe besteht aus deinen Freunden.</translation>
    </message>
    <message>
        <source>Group name</source>
        <translation>Gruppenname</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>Search friends</source>
        <translation>Freunde suchen</translation>
    </message>
    <message>
        <source>Create group</source>
        <translation>Gruppe erstellen</translation>
    </message>
    <message numerus="yes">
        <source>%n friend(s) chosen</source>
        <translation>
            <numerusform>%n Freund ausgewählt</numerusform>
            <numerusform>%n Freunde ausgewählt</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose at least one friend.</source>
        <translation>Wähle mindestens einen Freund aus.</translation>
    </message>
</context>
<context>
    <name>HostConsoleView</name>
    <message>
        <source>Players and seeds</source>
        <extracomment>A found player&apos;s name (their list item is worded around it). How long &quot;click again&quot; waits for the second click. A name on a forfeit button is elided to this width (the console stays narrow).</extracomment>
        <translation>Spieler und Setzliste</translation>
    </message>
    <message>
        <source>Drag players to set their seeds (1 is the strongest).</source>
        <translation>Zieh Spieler, um die Setzliste festzulegen (1 ist der Stärkste).</translation>
    </message>
    <message>
        <source>Random seeds</source>
        <translation>Zufällige Setzliste</translation>
    </message>
    <message>
        <source>Remove player</source>
        <translation>Spieler entfernen</translation>
    </message>
    <message>
        <source>Find a player to add</source>
        <translation>Spieler zum Hinzufügen suchen</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Third-place match</source>
        <translation>Spiel um Platz 3</translation>
    </message>
    <message>
        <source>Grand-final reset</source>
        <translation>Grand-Final-Reset</translation>
    </message>
    <message>
        <source>Start tournament</source>
        <translation>Turnier starten</translation>
    </message>
    <message>
        <source>Delete tournament</source>
        <translation>Turnier löschen</translation>
    </message>
    <message>
        <source>Click again to delete it</source>
        <translation>Nochmal klicken zum Löschen</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Match</translation>
    </message>
    <message>
        <source>The live score: every change is broadcast to viewers</source>
        <translation>Der Live-Spielstand: jede Änderung geht sofort an alle Zuschauer</translation>
    </message>
    <message>
        <source>Mark live</source>
        <translation>Als live markieren</translation>
    </message>
    <message>
        <source>Click again to finish: results are final</source>
        <translation>Nochmal klicken zum Beenden: die Ergebnisse sind endgültig</translation>
    </message>
    <message>
        <source>Correct result</source>
        <translation>Ergebnis korrigieren</translation>
    </message>
    <message>
        <source>Report result</source>
        <translation>Ergebnis melden</translation>
    </message>
    <message>
        <source>{match} ({tag}): {status}</source>
        <translation>{match} ({tag}): {status}</translation>
    </message>
    <message>
        <source>Reset match</source>
        <translation>Match zurücksetzen</translation>
    </message>
    <message>
        <source>Player 1 forfeits</source>
        <translation>Spieler 1 gibt auf</translation>
    </message>
    <message>
        <source>Player 2 forfeits</source>
        <translation>Spieler 2 gibt auf</translation>
    </message>
    <message>
        <source>Disqualify (leaves the tournament)</source>
        <translation>Disqualifizieren (verlässt das Turnier)</translation>
    </message>
    <message>
        <source>Tournament</source>
        <translation>Turnier</translation>
    </message>
    <message>
        <source>Pair next round</source>
        <translation>Nächste Runde auslosen</translation>
    </message>
    <message>
        <source>Take bracket back</source>
        <translation>Bracket zurücknehmen</translation>
    </message>
    <message>
        <source>Finish tournament</source>
        <translation>Turnier beenden</translation>
    </message>
    <message>
        <source>{name}  (double-click to add)</source>
        <translation>{name}  (Doppelklick zum Hinzufügen)</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>bereit</translation>
    </message>
    <message>
        <source>live</source>
        <translation>live</translation>
    </message>
    <message>
        <source>done</source>
        <translation>beendet</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Bitte warten…</translation>
    </message>
    <message>
        <source>No player found by that name.</source>
        <translation>Kein Spieler mit diesem Namen gefunden.</translation>
    </message>
    <message>
        <source>Click a match in the bracket.</source>
        <translation>Klick auf ein Match im Bracket.</translation>
    </message>
    <message>
        <source>{name} forfeits</source>
        <translation>{name} gibt auf</translation>
    </message>
</context>
<context>
    <name>HostModel</name>
    <message>
        <source>That did not work: {reason}</source>
        <translation>Das hat nicht geklappt: {reason}</translation>
    </message>
    <message>
        <source>{name} added.</source>
        <translation>{name} hinzugefügt.</translation>
    </message>
    <message>
        <source>The tournament has started.</source>
        <translation>Das Turnier hat begonnen.</translation>
    </message>
    <message>
        <source>The bracket was taken back; registration is open again.</source>
        <translation>Das Bracket wurde zurückgenommen; die Anmeldung ist wieder offen.</translation>
    </message>
    <message>
        <source>The next round is paired.</source>
        <translation>Die nächste Runde ist ausgelost.</translation>
    </message>
    <message>
        <source>The tournament is finished.</source>
        <translation>Das Turnier ist beendet.</translation>
    </message>
</context>
<context>
    <name>HubFinderView</name>
    <message>
        <source>HUBS ON THIS NETWORK</source>
        <translation>HUBS IN DIESEM NETZWERK</translation>
    </message>
</context>
<context>
    <name>IncomingCallWindow</name>
    <message>
        <source>Incoming call</source>
        <translation>Eingehender Anruf</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Annehmen</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>Incoming video call</source>
        <translation>Eingehender Videoanruf</translation>
    </message>
    <message>
        <source>Incoming voice call</source>
        <translation>Eingehender Sprachanruf</translation>
    </message>
    <message>
        <source>{name} is calling</source>
        <translation>{name} ruft an</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <source>LANGUAGE</source>
        <translation>SPRACHE</translation>
    </message>
    <message>
        <source>System ({language})</source>
        <translation>System ({language})</translation>
    </message>
    <message>
        <source>Dates, times and numbers follow the language too. Open windows switch at once.</source>
        <translation>Datum, Uhrzeit und Zahlen richten sich ebenfalls nach der Sprache. Offene Fenster wechseln sofort.</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>Nicht gespeichert: {reason}</translation>
    </message>
</context>
<context>
    <name>LinkOpener</name>
    <message>
        <source>Could not open the link {link}: {reason}</source>
        <extracomment>Links waiting for a sign-in; older ones give way to newer.</extracomment>
        <translation>Der Link {link} konnte nicht geöffnet werden: {reason}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Quit</source>
        <extracomment>No pane of a section&apos;s splitter gets narrower than this (a list must stay readable). The width of a splitter&apos;s handle, in pixels. The smallest window still holds the sidebar and two panes at their minimum: a smaller one would squeeze them below it whatever the splitter says.</extracomment>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Quick switcher</source>
        <translation>Schnellwechsler</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>Sending...</source>
        <extracomment>What was laid out (compared on each use: copying it back out of ``doc`` is not free): the body, and whether it was edited or deleted. The viewport width rows are laid out for (the view keeps it current).</extracomment>
        <translation>Wird gesendet …</translation>
    </message>
    <message>
        <source>Failed to send ({reason}). Click to retry.</source>
        <translation>Senden fehlgeschlagen ({reason}). Klick zum erneuten Versuch.</translation>
    </message>
    <message>
        <source>Failed to send. Click to retry.</source>
        <translation>Senden fehlgeschlagen. Klick zum erneuten Versuch.</translation>
    </message>
</context>
<context>
    <name>MessageListView</name>
    <message>
        <source>Messages</source>
        <extracomment>Load the older page when the list is scrolled this close to its top. Rows laid out per event-loop turn. Shown when messages arrive below while the user reads older ones. Shown while an older page loads. Shown over an empty conversation (the view words it).</extracomment>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>New messages  ↓</source>
        <translation>Neue Nachrichten  ↓</translation>
    </message>
    <message>
        <source>Loading older messages...</source>
        <translation>Ältere Nachrichten werden geladen …</translation>
    </message>
</context>
<context>
    <name>MessageRow</name>
    <message>
        <source>Dismiss</source>
        <extracomment>None: warnings stay until dismissed.</extracomment>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation>Meldung schließen</translation>
    </message>
</context>
<context>
    <name>NotificationCentreView</name>
    <message>
        <source>Inbox</source>
        <translation>Posteingang</translation>
    </message>
    <message>
        <source>Mark all read</source>
        <translation>Alle als gelesen markieren</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>You&apos;re all caught up.</source>
        <translation>Du bist auf dem neuesten Stand.</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n ungelesen</numerusform>
            <numerusform>%n ungelesen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotificationDelegate</name>
    <message>
        <source>Hidden in streamer mode</source>
        <extracomment>The type badge on an actor&apos;s avatar. Badge colour and glyph per notification type. A body is cut here before painting (far more than one row can show).</extracomment>
        <translation>Im Streamer-Modus ausgeblendet</translation>
    </message>
</context>
<context>
    <name>NotificationsFeature</name>
    <message>
        <source>Hidden in streamer mode</source>
        <extracomment>Notifications arriving within this many ms make one toast.</extracomment>
        <translation>Im Streamer-Modus ausgeblendet</translation>
    </message>
</context>
<context>
    <name>NotificationsModel</name>
    <message>
        <source>just now</source>
        <extracomment>Who it is from, as an ``Actor`` (None: not said, or not known yet). Refresh cadence of &quot;5 min ago&quot;.</extracomment>
        <translation>gerade eben</translation>
    </message>
    <message>
        <source>unread</source>
        <translation>ungelesen</translation>
    </message>
</context>
<context>
    <name>OpenConversationModel</name>
    <message>
        <source>Messages could not be loaded yet; retrying.</source>
        <extracomment>Wait this long after the last change before writing ``last_read_at``. Told when the user has read up to a message&apos;s time: ``(conversation_id, created_at)``.</extracomment>
        <translation>Nachrichten konnten noch nicht geladen werden; neuer Versuch läuft.</translation>
    </message>
</context>
<context>
    <name>Plurals</name>
    <message numerus="yes">
        <source>%n people are typing...</source>
        <translation>
            <numerusform>%n Person tippt …</numerusform>
            <numerusform>%n Leute tippen …</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n players</source>
        <translation>
            <numerusform>%n Spieler</numerusform>
            <numerusform>%n Spieler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} / %n players</source>
        <translation>
            <numerusform>{count} / %n Spieler</numerusform>
            <numerusform>{count} / %n Spieler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>vor %n Min.</numerusform>
            <numerusform>vor %n Min.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>vor %n Std.</numerusform>
            <numerusform>vor %n Std.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d ago</source>
        <translation>
            <numerusform>vor %n Tag</numerusform>
            <numerusform>vor %n Tagen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PopOutWindow</name>
    <message>
        <source>Drag this strip to move; its corner resizes; double click or Esc closes</source>
        <extracomment>Distance the self-view keeps from the picture&apos;s edges when it is placed. The self-view&apos;s label (what is sent), in pixels. Height of the pop-out&apos;s bottom strip (drag, resize grip), outside the picture. Where it is, in the picture area&apos;s coordinates. The user moved it: layout changes keep it where it was put (inside bounds).</extracomment>
        <translation>Zum Verschieben diese Leiste ziehen; die Ecke ändert die Größe; Doppelklick oder Esc schließt</translation>
    </message>
</context>
<context>
    <name>QuickSwitcher</name>
    <message>
        <source>Friend</source>
        <extracomment>Rows of the list visible without scrolling. How far below the top of the window the switcher opens, in pixels. The sidebar icon of each kind.</extracomment>
        <translation>Freund</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <source>Tournament</source>
        <translation>Turnier</translation>
    </message>
    <message>
        <source>Quick switcher</source>
        <translation>Schnellwechsler</translation>
    </message>
    <message>
        <source>Find a friend, conversation or tournament</source>
        <translation>Freund, Unterhaltung oder Turnier finden</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>Type part of a name; Up and Down choose, Enter opens, Escape closes</source>
        <translation>Tippe einen Teil eines Namens; Pfeil hoch und runter wählen, Eingabe öffnet, Escape schließt</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>Nothing to switch to yet</source>
        <translation>Noch nichts zum Wechseln</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>Kein Treffer</translation>
    </message>
</context>
<context>
    <name>RenameDialog</name>
    <message>
        <source>Rename conversation</source>
        <translation>Unterhaltung umbenennen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
</context>
<context>
    <name>RequestsModel</name>
    <message>
        <source>Friend request sent to {}.</source>
        <extracomment>Keys typed within this pause make one search. Requests listed per direction at most (the count says how many there are).</extracomment>
        <translation>Freundschaftsanfrage an {} gesendet.</translation>
    </message>
    <message>
        <source>You and {} are friends.</source>
        <translation>Du und {} seid jetzt Freunde.</translation>
    </message>
    <message>
        <source>Declined {}&apos;s request.</source>
        <translation>Anfrage von {} abgelehnt.</translation>
    </message>
    <message>
        <source>Request to {} cancelled.</source>
        <translation>Anfrage an {} zurückgezogen.</translation>
    </message>
    <message>
        <source>{} is no longer your friend.</source>
        <translation>{} ist nicht mehr dein Freund.</translation>
    </message>
    <message>
        <source>{} is blocked.</source>
        <translation>{} ist blockiert.</translation>
    </message>
    <message>
        <source>{} is no longer blocked.</source>
        <translation>{} ist nicht mehr blockiert.</translation>
    </message>
    <message>
        <source>Could not request {name}: {reason}</source>
        <translation>Anfrage an {name} fehlgeschlagen: {reason}</translation>
    </message>
    <message>
        <source>Could not accept {name}: {reason}</source>
        <translation>{name} konnte nicht angenommen werden: {reason}</translation>
    </message>
    <message>
        <source>Could not decline {name}: {reason}</source>
        <translation>{name} konnte nicht abgelehnt werden: {reason}</translation>
    </message>
    <message>
        <source>Could not cancel {name}: {reason}</source>
        <translation>Anfrage an {name} konnte nicht zurückgezogen werden: {reason}</translation>
    </message>
    <message>
        <source>Could not remove {name}: {reason}</source>
        <translation>{name} konnte nicht entfernt werden: {reason}</translation>
    </message>
    <message>
        <source>Could not block {name}: {reason}</source>
        <translation>{name} konnte nicht blockiert werden: {reason}</translation>
    </message>
    <message>
        <source>Could not unblock {name}: {reason}</source>
        <translation>Blockierung von {name} konnte nicht aufgehoben werden: {reason}</translation>
    </message>
    <message>
        <source>Search failed: {reason}</source>
        <translation>Suche fehlgeschlagen: {reason}</translation>
    </message>
</context>
<context>
    <name>RequestsView</name>
    <message>
        <source>Add friend</source>
        <extracomment>A player&apos;s name keeps at least this much room beside the buttons. What each button says.</extracomment>
        <translation>Freund hinzufügen</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Annehmen</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>Cancel request</source>
        <translation>Anfrage zurückziehen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Blockieren</translation>
    </message>
    <message>
        <source>Unblock</source>
        <translation>Blockierung aufheben</translation>
    </message>
    <message>
        <source>Find players</source>
        <translation>Spieler finden</translation>
    </message>
    <message>
        <source>Search players by username or name</source>
        <translation>Spieler nach Benutzername oder Name suchen</translation>
    </message>
    <message>
        <source>Add a friend</source>
        <translation>Freund hinzufügen</translation>
    </message>
    <message>
        <source>Find players by their username or display name and send them a request.</source>
        <translation>Finde Spieler über Benutzer- oder Anzeigenamen und schick ihnen eine Anfrage.</translation>
    </message>
    <message>
        <source>PLAYERS</source>
        <translation>SPIELER</translation>
    </message>
    <message>
        <source>INCOMING — {count}</source>
        <translation>EINGEGANGEN — {count}</translation>
    </message>
    <message>
        <source>No pending requests.</source>
        <translation>Keine offenen Anfragen.</translation>
    </message>
    <message>
        <source>SENT — {count}</source>
        <translation>GESENDET — {count}</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message>
        <source>No players match “{query}”.</source>
        <translation>Keine Spieler passen zu „{query}“.</translation>
    </message>
</context>
<context>
    <name>Section</name>
    <message>
        <source>Friends</source>
        <translation>Freunde</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <source>Tournaments</source>
        <translation>Turniere</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Anrufe</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>Diagnose</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Über</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Desktop</source>
        <translation>Desktop</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <source>HOW FRIENDS SEE YOU</source>
        <translation>SO SEHEN DICH DEINE FREUNDE</translation>
    </message>
    <message>
        <source>Your display name</source>
        <translation>Dein Anzeigename</translation>
    </message>
    <message>
        <source>https://… (a picture)</source>
        <translation>https://… (ein Bild)</translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation>Profil speichern</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <source>Picture URL</source>
        <translation>Bild-URL</translation>
    </message>
    <message>
        <source>Leave the picture empty to show your initials. Pictures are fetched by each friend&apos;s app: use a public http(s) link.</source>
        <translation>Lass das Bild leer, um deine Initialen zu zeigen. Bilder lädt die App jedes Freundes selbst: Verwende einen öffentlichen http(s)-Link.</translation>
    </message>
    <message>
        <source>IN USE</source>
        <translation>IN VERWENDUNG</translation>
    </message>
    <message>
        <source>  ·  key {key}</source>
        <translation>  ·  Schlüssel {key}</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>PROFILES</source>
        <translation>PROFILE</translation>
    </message>
    <message>
        <source>ADD A SUPABASE PROJECT OR LAN HUB</source>
        <translation>SUPABASE-PROJEKT ODER LAN-HUB HINZUFÜGEN</translation>
    </message>
    <message>
        <source>lan-party</source>
        <translation>lan-party</translation>
    </message>
    <message>
        <source>The project&apos;s anon (public) key</source>
        <translation>Der Anon-Key (öffentlich) des Projekts</translation>
    </message>
    <message>
        <source>Add profile</source>
        <translation>Profil hinzufügen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Anon key</source>
        <translation>Anon-Key</translation>
    </message>
    <message>
        <source>Switching takes effect on the next start: run gfdesk --profile NAME (profiles are saved in {path}).</source>
        <translation>Ein Wechsel gilt ab dem nächsten Start: gfdesk --profile NAME ausführen (Profile werden in {path} gespeichert).</translation>
    </message>
    <message>
        <source>  ·  in use</source>
        <translation>  ·  in Verwendung</translation>
    </message>
    <message>
        <source>Added {quoted}. Start gfdesk with --profile {name} to use it.</source>
        <translation>{quoted} hinzugefügt. Starte gfdesk mit --profile {name}, um es zu verwenden.</translation>
    </message>
    <message>
        <source>{url} is not a server address: it must start with http:// or https:// and name a host, like https://&lt;project&gt;.supabase.co or http://192.168.1.20:54321.</source>
        <translation>{url} ist keine Serveradresse: Sie muss mit http:// oder https:// beginnen und einen Host nennen, etwa https://&lt;projekt&gt;.supabase.co oder http://192.168.1.20:54321.</translation>
    </message>
    <message>
        <source>VERSIONS</source>
        <translation>VERSIONEN</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>FILES</source>
        <translation>DATEIEN</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Embedded demo hub</source>
        <translation>Eingebauter Demo-Hub</translation>
    </message>
    <message>
        <source>https://&lt;project&gt;.supabase.co or http://192.168.1.20:54321</source>
        <translation>https://&lt;projekt&gt;.supabase.co oder http://192.168.1.20:54321</translation>
    </message>
    <message>
        <source>None: logging to the terminal only</source>
        <translation>Keine: Protokoll nur im Terminal</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>Protokolldatei</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>Protokollordner öffnen</translation>
    </message>
    <message>
        <source>SETTINGS PROBLEMS</source>
        <translation>PROBLEME MIT DEN EINSTELLUNGEN</translation>
    </message>
    <message>
        <source>No file manager could open the folder. The logs are in: {folder}</source>
        <translation>Kein Dateimanager konnte den Ordner öffnen. Die Protokolle liegen in: {folder}</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>Version {version}</translation>
    </message>
    <message>
        <source>GamerFlick on the desktop: see which friends are online, chat with typing indicators, get live notifications, follow tournament brackets as scores come in, and take 1:1 video and audio calls. Lighter than a browser, and it talks to the same Supabase backend as the GamerFlick mobile app.</source>
        <translation>GamerFlick auf dem Desktop: Sieh, welche Freunde online sind, chatte mit Tipp-Anzeige, erhalte Benachrichtigungen live, verfolge Turnier-Brackets, während die Ergebnisse reinkommen, und führe 1:1-Video- und Sprachanrufe. Schlanker als ein Browser und mit demselben Supabase-Backend wie die GamerFlick-App fürs Handy.</translation>
    </message>
    <message>
        <source>Built with Qt for Python (PySide6), qasync, aiortc and the official Supabase Python clients.
Released under the MIT License.</source>
        <translation>Entwickelt mit Qt for Python (PySide6), qasync, aiortc und den offiziellen Supabase-Python-Clients.
Veröffentlicht unter der MIT-Lizenz.</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>NAVIGATE</source>
        <translation>NAVIGATION</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <source>{section} ({shortcut})</source>
        <translation>{section} ({shortcut})</translation>
    </message>
    <message>
        <source> — {count} unread</source>
        <translation> — {count} ungelesen</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n ungelesen</numerusform>
            <numerusform>%n ungelesen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SignInError</name>
    <message>
        <source>Wrong email or password.</source>
        <extracomment>A stored sign-in could not be used; the message says why. Whether the refresh token is kept in the keyring across runs. The auth server&apos;s errors a user meets signing in or up, by GoTrue error code, in our words: shown in the user&apos;s language (the server&apos;s own message is English).</extracomment>
        <translation>E-Mail-Adresse oder Passwort ist falsch.</translation>
    </message>
    <message>
        <source>Confirm your email address first: look for the message in your inbox.</source>
        <translation>Bestätige zuerst deine E-Mail-Adresse: Sieh in deinem Posteingang nach der Nachricht.</translation>
    </message>
    <message>
        <source>An account with this email already exists: sign in instead.</source>
        <translation>Es gibt schon ein Konto mit dieser E-Mail-Adresse: Melde dich stattdessen an.</translation>
    </message>
    <message>
        <source>This server does not take new accounts.</source>
        <translation>Dieser Server nimmt keine neuen Konten an.</translation>
    </message>
    <message>
        <source>This email address is not valid.</source>
        <translation>Diese E-Mail-Adresse ist ungültig.</translation>
    </message>
    <message>
        <source>Too many attempts: wait a moment, then try again.</source>
        <translation>Zu viele Versuche: Warte einen Moment und versuche es dann erneut.</translation>
    </message>
    <message>
        <source>This account is blocked.</source>
        <translation>Dieses Konto ist gesperrt.</translation>
    </message>
    <message>
        <source>The password is too weak: use at least {count} characters.</source>
        <translation>Das Passwort ist zu schwach: Verwende mindestens {count} Zeichen.</translation>
    </message>
</context>
<context>
    <name>SignInForm</name>
    <message>
        <source>Enter a valid email address.</source>
        <extracomment>Only for a sign-up; empty otherwise.</extracomment>
        <translation>Gib eine gültige E-Mail-Adresse ein.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Gib dein Passwort ein.</translation>
    </message>
    <message>
        <source>Choose a display name.</source>
        <translation>Wähl einen Anzeigenamen.</translation>
    </message>
    <message>
        <source>you@example.com</source>
        <translation>du@example.com</translation>
    </message>
    <message>
        <source>How friends see you</source>
        <translation>So sehen dich deine Freunde</translation>
    </message>
    <message>
        <source>Remember me on this computer</source>
        <translation>Auf diesem Computer angemeldet bleiben</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <source>I already have an account</source>
        <translation>Ich habe schon ein Konto</translation>
    </message>
    <message>
        <source>Create an account</source>
        <translation>Konto erstellen</translation>
    </message>
    <message>
        <source>Creating account…</source>
        <translation>Konto wird erstellt…</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Konto erstellen</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <source>Welcome to GamerFlick</source>
        <translation>Willkommen bei GamerFlick</translation>
    </message>
    <message>
        <source>Sign in to see your friends, chats and tournaments.</source>
        <translation>Melde dich an, um deine Freunde, Chats und Turniere zu sehen.</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <source>Continue as Demo Player</source>
        <translation>Als Demo-Spieler fortfahren</translation>
    </message>
    <message>
        <source>OR SIGN IN WITH EMAIL</source>
        <translation>ODER MIT E-MAIL ANMELDEN</translation>
    </message>
</context>
<context>
    <name>StatusPicker</name>
    <message>
        <source>Friends see you online</source>
        <translation>Freunde sehen dich online</translation>
    </message>
    <message>
        <source>Also after {minutes} min idle</source>
        <translation>Auch nach {minutes} Min. Inaktivität</translation>
    </message>
    <message>
        <source>No pop-ups or sounds</source>
        <translation>Keine Pop-ups oder Töne</translation>
    </message>
    <message>
        <source>Look offline, still get everything</source>
        <translation>Offline wirken, trotzdem alles bekommen</translation>
    </message>
    <message>
        <source>SET YOUR STATUS</source>
        <translation>STATUS FESTLEGEN</translation>
    </message>
    <message>
        <source>PLAYING</source>
        <translation>SPIELT</translation>
    </message>
    <message>
        <source>Search games</source>
        <translation>Spiele suchen</translation>
    </message>
    <message>
        <source>Search games or type one</source>
        <translation>Spiele suchen oder eins eintippen</translation>
    </message>
    <message>
        <source>Games</source>
        <translation>Spiele</translation>
    </message>
    <message>
        <source>{game} · recent</source>
        <translation>{game} · zuletzt</translation>
    </message>
</context>
<context>
    <name>StreamerMode</name>
    <message>
        <source>STREAMER MODE</source>
        <extracomment>How often the process list is read while the automatic mode is on.</extracomment>
        <translation>STREAMER-MODUS</translation>
    </message>
    <message>
        <source>Email addresses, notification texts and message previews are hidden</source>
        <translation>E-Mail-Adressen, Benachrichtigungstexte und Nachrichtenvorschauen sind ausgeblendet</translation>
    </message>
    <message>
        <source>Streamer mode</source>
        <translation>Streamer-Modus</translation>
    </message>
</context>
<context>
    <name>TournamentChatModel</name>
    <message>
        <source>  · sending…</source>
        <extracomment>Messages held at most. The message&apos;s sender id, and its state (&quot;sent&quot;, &quot;sending&quot;, &quot;failed&quot;).</extracomment>
        <translation>  · wird gesendet…</translation>
    </message>
    <message>
        <source>  · not sent</source>
        <translation>  · nicht gesendet</translation>
    </message>
</context>
<context>
    <name>TournamentChatPane</name>
    <message>
        <source>Tournament chat</source>
        <translation>Turnier-Chat</translation>
    </message>
    <message>
        <source>Say something to everyone here</source>
        <translation>Sag was zu allen hier</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
</context>
<context>
    <name>TournamentPage</name>
    <message>
        <source>Bracket</source>
        <translation>Bracket</translation>
    </message>
    <message>
        <source>Standings</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Show the whole bracket (0). Zoom: wheel, + and -; drag to pan.</source>
        <translation>Ganzes Bracket zeigen (0). Zoom: Mausrad, + und -; ziehen zum Verschieben.</translation>
    </message>
    <message>
        <source>PNG</source>
        <translation>PNG</translation>
    </message>
    <message>
        <source>Export the bracket as a picture</source>
        <translation>Bracket als Bild exportieren</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>Export the standings as a table</source>
        <translation>Tabelle als CSV exportieren</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Pairings</source>
        <translation>Paarungen</translation>
    </message>
    <message>
        <source>Players</source>
        <extracomment>The longest side of an exported bracket picture, in pixels. The chat pane&apos;s width beside the tabs, and the host console&apos;s beside the bracket. From this page width on the chat sits beside the bracket; narrower, it is a tab.</extracomment>
        <translation>Spieler</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Registration open</source>
        <translation>Anmeldung offen</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Champion: {name}</source>
        <translation>Champion: {name}</translation>
    </message>
    <message>
        <source>You are in</source>
        <translation>Du bist dabei</translation>
    </message>
    <message>
        <source>Nobody has registered yet.</source>
        <translation>Noch hat sich niemand angemeldet.</translation>
    </message>
    <message>
        <source>Could not export: {reason}</source>
        <translation>Export fehlgeschlagen: {reason}</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>Exportiert nach {path}</translation>
    </message>
</context>
<context>
    <name>TournamentPageModel</name>
    <message>
        <source>You are already registered.</source>
        <extracomment>Tables whose writes the host console makes (a refusal means: show the server&apos;s state).</extracomment>
        <translation>Du bist schon angemeldet.</translation>
    </message>
    <message>
        <source>Registration is closed (the tournament started, or it is full).</source>
        <translation>Die Anmeldung ist geschlossen (das Turnier hat begonnen oder ist voll).</translation>
    </message>
    <message>
        <source>The server refused: {reason}</source>
        <translation>Der Server hat abgelehnt: {reason}</translation>
    </message>
    <message>
        <source>The server does not answer; try again when connected.</source>
        <translation>Der Server antwortet nicht; versuch es noch mal, wenn du verbunden bist.</translation>
    </message>
    <message>
        <source>This tournament does not exist any more.</source>
        <extracomment>Set once ``load`` has read the tournament and ``loaded`` was emitted.</extracomment>
        <translation>Dieses Turnier gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>The tournament could not be loaded: {reason}</source>
        <translation>Das Turnier konnte nicht geladen werden: {reason}</translation>
    </message>
    <message>
        <source>You cannot withdraw any more: the tournament has started.</source>
        <translation>Abmelden geht nicht mehr: Das Turnier hat schon begonnen.</translation>
    </message>
    <message>
        <source>The server refused a change ({change}): {reason}. Showing what the server has.</source>
        <translation>Der Server hat eine Änderung abgelehnt ({change}): {reason}. Angezeigt wird der Stand des Servers.</translation>
    </message>
</context>
<context>
    <name>TournamentsModel</name>
    <message>
        <source>Tournaments could not be loaded yet; retrying.</source>
        <extracomment>Retries of the list while the server is away.</extracomment>
        <translation>Turniere konnten noch nicht geladen werden; neuer Versuch läuft.</translation>
    </message>
    <message>
        <source>Offline: the new tournament is saved and will be created when the server answers.</source>
        <translation>Offline: Das neue Turnier ist gespeichert und wird angelegt, sobald der Server antwortet.</translation>
    </message>
    <message>
        <source>The server refused {change}: {reason}</source>
        <translation>Der Server hat {change} abgelehnt: {reason}</translation>
    </message>
</context>
<context>
    <name>TournamentsView</name>
    <message>
        <source>Tournaments</source>
        <translation>Turniere</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Create a tournament you host</source>
        <translation>Ein eigenes Turnier ausrichten</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>Show gfdesk</source>
        <extracomment>Rendered sizes of the badged icon; trays ask for 16 to 64 px. The badge shown (&quot;&quot; for none): the icon is drawn again only when it changes.</extracomment>
        <translation>gfdesk anzeigen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>video call</source>
        <translation>Videoanruf</translation>
    </message>
    <message>
        <source>voice call</source>
        <translation>Sprachanruf</translation>
    </message>
    <message>
        <source>{caller} — incoming {kind}</source>
        <translation>{caller} — eingehender {kind}</translation>
    </message>
    <message>
        <source>Accept call</source>
        <translation>Anruf annehmen</translation>
    </message>
    <message>
        <source>Decline call</source>
        <translation>Anruf ablehnen</translation>
    </message>
    <message>
        <source>{app} — {caller} is calling</source>
        <translation>{app} — {caller} ruft an</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Incoming {kind}</source>
        <translation>Eingehender {kind}</translation>
    </message>
    <message>
        <source>{caller} is calling</source>
        <translation>{caller} ruft an</translation>
    </message>
    <message>
        <source>{app} — {count} unread</source>
        <translation>{app} — {count} ungelesen</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Could not send {change}: {reason}</source>
        <translation>Konnte {change} nicht senden: {reason}</translation>
    </message>
    <message>
        <source>a change</source>
        <translation>eine Änderung</translation>
    </message>
    <message>
        <source>Could not start the backend: {reason}</source>
        <translation>Backend konnte nicht starten: {reason}</translation>
    </message>
    <message>
        <source>Saved. Friends see it the next time their list loads.</source>
        <translation>Gespeichert. Freunde sehen es, wenn ihre Liste das nächste Mal lädt.</translation>
    </message>
</context>
<context>
    <name>bracket</name>
    <message>
        <source>Grand final</source>
        <translation>Grand Final</translation>
    </message>
    <message>
        <source>Grand final reset</source>
        <translation>Grand-Final-Reset</translation>
    </message>
    <message>
        <source>Round {round}</source>
        <translation>Runde {round}</translation>
    </message>
    <message>
        <source>Losers final</source>
        <translation>Verliererfinale</translation>
    </message>
    <message>
        <source>Losers round {round}</source>
        <translation>Verliererrunde {round}</translation>
    </message>
    <message>
        <source>Winners final</source>
        <translation>Gewinnerfinale</translation>
    </message>
    <message>
        <source>Winners semi-finals</source>
        <translation>Gewinner-Halbfinale</translation>
    </message>
    <message>
        <source>Winners quarter-finals</source>
        <translation>Gewinner-Viertelfinale</translation>
    </message>
    <message>
        <source>Winners round {round}</source>
        <translation>Gewinnerrunde {round}</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>Finale</translation>
    </message>
    <message>
        <source>Semi-finals</source>
        <translation>Halbfinale</translation>
    </message>
    <message>
        <source>Quarter-finals</source>
        <translation>Viertelfinale</translation>
    </message>
    <message>
        <source>Winners round {round} match {position}</source>
        <translation>Gewinnerrunde {round}, Match {position}</translation>
    </message>
    <message>
        <source>Losers round {round} match {position}</source>
        <translation>Verliererrunde {round}, Match {position}</translation>
    </message>
    <message>
        <source>Round {round} match {position}</source>
        <translation>Runde {round}, Match {position}</translation>
    </message>
    <message>
        <source>Bye</source>
        <translation>Freilos</translation>
    </message>
    <message>
        <source>Winner of {match}</source>
        <translation>Sieger aus {match}</translation>
    </message>
    <message>
        <source>Loser of {match}</source>
        <translation>Verlierer aus {match}</translation>
    </message>
    <message>
        <source>Third place</source>
        <translation>Platz 3</translation>
    </message>
</context>
<context>
    <name>callsettings</name>
    <message>
        <source>Automatic (the first camera; a test pattern if there is none)</source>
        <translation>Automatisch (die erste Kamera; ein Testbild, wenn es keine gibt)</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>No camera found: calls send a test pattern</source>
        <translation>Keine Kamera gefunden: Anrufe senden ein Testbild</translation>
    </message>
</context>
<context>
    <name>chat</name>
    <message>
        <source>Today</source>
        <extracomment>A sender&apos;s messages closer than this share one header. The longest message body, in characters: the composer stops here and the server refuses more (``messages_body_length_check`` in the hub and the migrations). Stored on the server (every message of others, and ours once confirmed). Ours, queued in the outbox, not confirmed yet (offline: until reconnect). Ours, refused by the server for good; can be retried.</extracomment>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <source>Messages can be at most {limit} characters; this one has {length}. Shorten it by {excess}.</source>
        <translation>Nachrichten dürfen höchstens {limit} Zeichen lang sein; diese hat {length}. Kürze sie um {excess}.</translation>
    </message>
    <message>
        <source>{first} and {second} are typing...</source>
        <extracomment>At most one outgoing typing event per this many seconds. From this many typists on, the label counts instead of naming.</extracomment>
        <translation>{first} und {second} tippen …</translation>
    </message>
    <message>
        <source>{name} is typing...</source>
        <translation>{name} tippt …</translation>
    </message>
</context>
<context>
    <name>config</name>
    <message>
        <source>--log-level must be one of {levels}</source>
        <extracomment>The profile built from --url/--anon-key or GFDESK_URL/GFDESK_ANON_KEY. ``[calls] signalling`` for call messages on Realtime (the default). What is wrong (``problem_text`` words it for the user). What was wrong with the settings, worded for the user; empty when all is well. STUN/TURN servers for calls; none: calls use host candidates only. The Socket.IO server that carries each call&apos;s messages; None: Realtime. The camera, microphone and speaker chosen for calls.</extracomment>
        <translation>--log-level muss eines von {levels} sein</translation>
    </message>
    <message>
        <source>--url and --anon-key go together: give both</source>
        <translation>--url und --anon-key gehören zusammen: gib beide an</translation>
    </message>
    <message>
        <source>GFDESK_URL and GFDESK_ANON_KEY go together; ignoring the one given</source>
        <translation>GFDESK_URL und GFDESK_ANON_KEY gehören zusammen; die angegebene Variable wird ignoriert</translation>
    </message>
    <message>
        <source>no profile named {name} in {path}; known: {known}</source>
        <translation>kein Profil namens {name} in {path}; bekannt: {known}</translation>
    </message>
    <message>
        <source>{path}: profile {name} is not defined; using the demo</source>
        <translation>{path}: Profil {name} ist nicht definiert; die Demo wird verwendet</translation>
    </message>
    <message>
        <source>call settings</source>
        <extracomment>``save_calls(signalling=KEEP_SIGNALLING)``: leave the file&apos;s choice as it is.</extracomment>
        <translation>Anrufeinstellungen</translation>
    </message>
    <message>
        <source>{path}: {reason}; cannot save {what}</source>
        <translation>{path}: {reason}; Speichern nicht möglich: {what}</translation>
    </message>
    <message>
        <source>{path}: {reason}; fix it before saving {what}</source>
        <translation>{path}: {reason}; korrigiere die Datei, bevor du speicherst: {what}</translation>
    </message>
    <message>
        <source>{path}: its [{table}] table could not be replaced safely; edit it by hand</source>
        <translation>{path}: die Tabelle [{table}] ließ sich nicht sicher ersetzen; bearbeite sie von Hand</translation>
    </message>
    <message>
        <source>{where} {name} must be text; ignored</source>
        <translation>{where} {name} muss Text sein; ignoriert</translation>
    </message>
    <message>
        <source>{name} cannot be a profile name</source>
        <translation>{name} kann kein Profilname sein</translation>
    </message>
    <message>
        <source>a profile needs a URL and an anon key</source>
        <translation>ein Profil braucht eine URL und einen Anon-Key</translation>
    </message>
    <message>
        <source>a profile named {name} already exists</source>
        <translation>ein Profil namens {name} gibt es schon</translation>
    </message>
    <message>
        <source>{path}: cannot be read ({reason}); using defaults</source>
        <translation>{path}: kann nicht gelesen werden ({reason}); Standardwerte werden verwendet</translation>
    </message>
    <message>
        <source>{path}: {reason}; using defaults (the file was left as it is)</source>
        <translation>{path}: {reason}; Standardwerte werden verwendet (die Datei bleibt unverändert)</translation>
    </message>
    <message>
        <source>{path}: line {line}: [app] must be a table</source>
        <translation>{path}: Zeile {line}: [app] muss eine Tabelle sein</translation>
    </message>
    <message>
        <source>{path}: &apos;profiles&apos; must be a table of tables</source>
        <translation>{path}: &apos;profiles&apos; muss eine Tabelle aus Tabellen sein</translation>
    </message>
    <message>
        <source>{where}: this name is reserved or invalid; skipped</source>
        <translation>{where}: dieser Name ist reserviert oder ungültig; übersprungen</translation>
    </message>
    <message>
        <source>{where}: needs url and anon_key strings; skipped</source>
        <translation>{where}: braucht url und anon_key als Text; übersprungen</translation>
    </message>
    <message>
        <source>{where}: {reason}; skipped</source>
        <translation>{where}: {reason}; übersprungen</translation>
    </message>
    <message>
        <source>{path}: line {line}: [calls] must be a table</source>
        <translation>{path}: Zeile {line}: [calls] muss eine Tabelle sein</translation>
    </message>
    <message>
        <source>{where} must be a list of tables; ignored</source>
        <translation>{where} muss eine Liste von Tabellen sein; ignoriert</translation>
    </message>
    <message>
        <source>{where}: entry {number}: {reason}; skipped</source>
        <translation>{where}: Eintrag {number}: {reason}; übersprungen</translation>
    </message>
    <message>
        <source>{where}: entry {number} keeps a TURN credential in plain text; save the server again in Settings &gt; Calls to move it to the system keyring</source>
        <translation>{where}: Eintrag {number} enthält TURN-Zugangsdaten im Klartext; speichere den Server unter Einstellungen &gt; Anrufe erneut, um sie in den Schlüsselbund des Systems zu verschieben</translation>
    </message>
    <message>
        <source>not a table</source>
        <translation>keine Tabelle</translation>
    </message>
    <message>
        <source>urls must be a URL or a list of URLs</source>
        <translation>urls muss eine URL oder eine Liste von URLs sein</translation>
    </message>
    <message>
        <source>{url} is not a stun:, stuns:, turn: or turns: URL</source>
        <translation>{url} ist keine stun:-, stuns:-, turn:- oder turns:-URL</translation>
    </message>
    <message>
        <source>{url} needs a username and a credential</source>
        <translation>{url} braucht einen Benutzernamen und ein Passwort</translation>
    </message>
    <message>
        <source>username must be text</source>
        <translation>username muss Text sein</translation>
    </message>
    <message>
        <source>credential must be text</source>
        <translation>credential muss Text sein</translation>
    </message>
    <message>
        <source>{value} is neither {realtime} nor the http(s) URL of a Socket.IO server</source>
        <translation>{value} ist weder {realtime} noch die http(s)-URL eines Socket.IO-Servers</translation>
    </message>
    <message>
        <source>{where} must be text; using Realtime</source>
        <translation>{where} muss Text sein; Realtime wird verwendet</translation>
    </message>
    <message>
        <source>{where}: {reason}; using Realtime</source>
        <translation>{where}: {reason}; Realtime wird verwendet</translation>
    </message>
    <message>
        <source>{where}: {value} is not one of {levels}; ignored</source>
        <translation>{where}: {value} ist keiner von {levels}; ignoriert</translation>
    </message>
    <message>
        <source>{url} is not an http(s) URL</source>
        <translation>{url} ist keine http(s)-URL</translation>
    </message>
    <message>
        <source>desktop settings</source>
        <extracomment>The longest idle delay Settings offers (a day).</extracomment>
        <translation>Desktop-Einstellungen</translation>
    </message>
    <message>
        <source>{value} is not one of {choices}</source>
        <extracomment>``[language] code`` that follows the system&apos;s locale. The languages gfdesk ships, by the code of their translation file.
----------
``[appearance] theme`` values; ``system`` follows the OS colour scheme.</extracomment>
        <translation>{value} ist keiner der Werte {choices}</translation>
    </message>
    <message>
        <source>the language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>the theme</source>
        <translation>Design</translation>
    </message>
</context>
<context>
    <name>conversations</name>
    <message>
        <source>Just you</source>
        <translation>Nur du</translation>
    </message>
    <message>
        <source>{shown} and {extra} more</source>
        <translation>{shown} und {extra} weitere</translation>
    </message>
</context>
<context>
    <name>fallbacknames</name>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>Jemand</translation>
    </message>
</context>
<context>
    <name>hubfinder</name>
    <message>
        <source>Looking for hubs on this network…</source>
        <translation>Suche Hubs in diesem Netzwerk…</translation>
    </message>
    <message>
        <source>Hubs cannot be looked for here.</source>
        <translation>Hier kann nicht nach Hubs gesucht werden.</translation>
    </message>
    <message>
        <source>no TLS</source>
        <translation>kein TLS</translation>
    </message>
</context>
<context>
    <name>keycheck</name>
    <message>
        <source>This does not look like an anon key: it is either a JWT (three parts starting with eyJ) or starts with sb_publishable_.</source>
        <translation>Das sieht nicht nach einem anon key aus: Er ist entweder ein JWT (drei Teile, beginnend mit eyJ) oder beginnt mit sb_publishable_.</translation>
    </message>
    <message>
        <source>This is a secret key: it bypasses row-level security and must never be in a desktop app. Paste the project&apos;s anon (publishable) key instead.</source>
        <translation>Das ist ein geheimer Schlüssel: Er umgeht die Row-Level-Security und gehört nie in eine Desktop-App. Füge stattdessen den anon (publishable) key des Projekts ein.</translation>
    </message>
    <message>
        <source>The anon key cannot contain spaces or line breaks.</source>
        <translation>Der anon key darf keine Leerzeichen oder Zeilenumbrüche enthalten.</translation>
    </message>
</context>
<context>
    <name>messagedelegate</name>
    <message>
        <source>message deleted</source>
        <translation>Nachricht gelöscht</translation>
    </message>
    <message>
        <source> (edited)</source>
        <translation> (bearbeitet)</translation>
    </message>
</context>
<context>
    <name>requestsview</name>
    <message>
        <source>wants to be your friend</source>
        <translation>möchte mit dir befreundet sein</translation>
    </message>
    <message>
        <source>request sent</source>
        <translation>Anfrage gesendet</translation>
    </message>
    <message>
        <source>already your friend</source>
        <translation>bereits dein Freund</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>blockiert</translation>
    </message>
</context>
<context>
    <name>signin</name>
    <message>
        <source>Sign in to GamerFlick</source>
        <translation>Bei GamerFlick anmelden</translation>
    </message>
    <message>
        <source>Create a GamerFlick account</source>
        <translation>GamerFlick-Konto erstellen</translation>
    </message>
    <message>
        <source>No secure password store on this system: you will sign in again next time.</source>
        <extracomment>Hint under &quot;Remember me&quot; where no secure keyring exists.</extracomment>
        <translation>Kein sicherer Passwortspeicher auf diesem System: Du musst dich nächstes Mal erneut anmelden.</translation>
    </message>
</context>
<context>
    <name>signinscreen</name>
    <message>
        <source>the embedded demo hub</source>
        <translation>der eingebaute Demo-Hub</translation>
    </message>
</context>
<context>
    <name>statuspicker</name>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Choose a game…</source>
        <translation>Spiel auswählen…</translation>
    </message>
</context>
<context>
    <name>tournament</name>
    <message>
        <source>Upcoming</source>
        <extracomment>The longest tournament chat message the composer sends. The longest tournament name and game the create form takes. The size choices of the create form (``max_participants``). Open: players register and withdraw; the host seeds. Started: the bracket is being played. Closed by the host; nothing changes any more.</extracomment>
        <translation>Demnächst</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Single elimination</source>
        <translation>Single Elimination</translation>
    </message>
    <message>
        <source>Double elimination</source>
        <translation>Double Elimination</translation>
    </message>
    <message>
        <source>Round robin</source>
        <translation>Jeder gegen jeden</translation>
    </message>
    <message>
        <source>Swiss</source>
        <translation>Schweizer System</translation>
    </message>
    <message>
        <source>Messages can be at most {limit} characters.</source>
        <translation>Nachrichten dürfen höchstens {limit} Zeichen lang sein.</translation>
    </message>
    <message>
        <source>The bracket could not be read: {reason}</source>
        <extracomment>Rows asking for a reload within this time make one reload. Chat messages held back at most while their senders&apos; names are read. A reload that fails (the server is away) is tried again after this long. In-progress scores of live matches, by match id. Reloads completed (tests and benchmarks wait on it).</extracomment>
        <translation>Das Bracket konnte nicht gelesen werden: {reason}</translation>
    </message>
</context>
<context>
    <name>userstatus</name>
    <message>
        <source>Online</source>
        <extracomment>Chosen by a user who wants to look offline: never tracked, so others see OFFLINE, while the app still receives everything.</extracomment>
        <translation>Online</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>Abwesend</translation>
    </message>
    <message>
        <source>Do not disturb</source>
        <translation>Nicht stören</translation>
    </message>
    <message>
        <source>In game</source>
        <translation>Im Spiel</translation>
    </message>
    <message>
        <source>Invisible</source>
        <translation>Unsichtbar</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Playing {game}</source>
        <extracomment>The statuses a user can choose (offline is not chosen, it is leaving).</extracomment>
        <translation>Spielt {game}</translation>
    </message>
</context>
<context>
    <name>view</name>
    <message>
        <source>Pick a conversation to start chatting.</source>
        <extracomment>Show the character count from this length on.</extracomment>
        <translation>Wähl eine Unterhaltung, um loszuchatten.</translation>
    </message>
    <message>
        <source>Editing your message · Enter to save · Esc to cancel</source>
        <translation>Du bearbeitest deine Nachricht · Enter zum Speichern · Esc zum Abbrechen</translation>
    </message>
    <message>
        <source>Pick a tournament to follow its bracket live.</source>
        <translation>Wähl ein Turnier, um sein Bracket live zu verfolgen.</translation>
    </message>
</context>
<context>
    <name>wording</name>
    <message>
        <source>Test pattern (no camera found)</source>
        <translation>Testbild (keine Kamera gefunden)</translation>
    </message>
    <message>
        <source>Test tone (no microphone found)</source>
        <extracomment>What the window says when there is no microphone and a tone is sent.</extracomment>
        <translation>Testton (kein Mikrofon gefunden)</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Gut</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>Poor</source>
        <translation>Schlecht</translation>
    </message>
    <message>
        <source>Measuring</source>
        <translation>Wird gemessen</translation>
    </message>
    <message>
        <source>Video call</source>
        <translation>Videoanruf</translation>
    </message>
    <message>
        <source>Voice call</source>
        <translation>Sprachanruf</translation>
    </message>
    <message>
        <source>Calling {name}…</source>
        <translation>{name} wird angerufen…</translation>
    </message>
    <message>
        <source>{name} is calling you</source>
        <translation>{name} ruft dich an</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>Call ended</source>
        <translation>Anruf beendet</translation>
    </message>
    <message>
        <source>{name} hung up</source>
        <translation>{name} hat aufgelegt</translation>
    </message>
    <message>
        <source>{name} declined the call</source>
        <translation>{name} hat den Anruf abgelehnt</translation>
    </message>
    <message>
        <source>You declined the call</source>
        <translation>Du hast den Anruf abgelehnt</translation>
    </message>
    <message>
        <source>No answer from {name}</source>
        <translation>Keine Antwort von {name}</translation>
    </message>
    <message>
        <source>Missed call from {name}</source>
        <translation>Verpasster Anruf von {name}</translation>
    </message>
    <message>
        <source>{name} is in another call</source>
        <translation>{name} ist in einem anderen Anruf</translation>
    </message>
    <message>
        <source>{name} cancelled the call</source>
        <translation>{name} hat den Anruf abgebrochen</translation>
    </message>
    <message>
        <source>The call could not connect</source>
        <translation>Der Anruf konnte nicht verbunden werden</translation>
    </message>
    <message>
        <source>The call ended: the other app sent something gfdesk cannot read</source>
        <translation>Anruf beendet: Die andere App hat etwas gesendet, das gfdesk nicht lesen kann</translation>
    </message>
    <message>
        <source>Answered on another device</source>
        <translation>Auf einem anderen Gerät angenommen</translation>
    </message>
    <message>
        <source>{percent}% loss</source>
        <translation>{percent} % Verlust</translation>
    </message>
</context>
</TS>
