<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR" sourcelanguage="en">
<context>
    <name>AccountFooter</name>
    <message>
        <source>Online</source>
        <extracomment>The gap between a navigation icon and its title, as a fraction of the icon.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set your status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings (Ctrl+,)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallWindow</name>
    <message>
        <source>Call</source>
        <extracomment>An ended call&apos;s window stays this long to say why, then hides. Page of the picture stack.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The picture is in the pop-out window.
Close that window to bring it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{kind} with {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallsPage</name>
    <message>
        <source>DEVICES</source>
        <extracomment>The servers listed, and the credentials typed for them in this visit.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for cameras…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STUN AND TURN SERVERS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>turn:turn.example.org:3478 (several: separate with commas)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TURN only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TURN only; kept in the system keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URLs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CALL SIGNALLING</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty: Supabase Realtime (the default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept in the system keyring; empty: the project&apos;s anon key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Socket.IO server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes apply from the next call. With no server, calls connect directly (fine on one network; across the internet most need STUN, and TURN behind strict firewalls).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{device} (not connected)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CertificateDialog</name>
    <message>
        <source>Do not connect</source>
        <extracomment>The dialog may stay open as long as the player needs to walk to the host&apos;s screen.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <source>Messages</source>
        <extracomment>The conversation the composer&apos;s text belongs to (its draft on a switch). The message being edited (None: the composer writes a new one).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+ Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a group chat with friends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n members</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Message {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{length} / {limit} characters</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionIndicator</name>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{ms} ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to {backend}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline — {reason}, retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline — retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backend</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CreateTournamentDialog</name>
    <message>
        <source>New tournament</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Friday Night Cup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arena Blitz</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n players</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Game</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>Your friends will show up here</source>
        <extracomment>The round backdrop behind the icon (its radius is in the stylesheet). Title and body wrap at this width; a fixed width keeps Qt&apos;s height-for-width honest.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See who is online and what they are playing, then jump into a chat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your conversations will show up here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direct messages and group chats with your squad, on every device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tournaments will show up here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow live brackets and scores as the matches are played.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run `gfdesk --demo` for the built-in demo hub, or add your GamerFlick Supabase project in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to {backend}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This usually takes a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything you missed comes in once you&apos;re back online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You&apos;re offline — gfdesk keeps retrying</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FriendsView</name>
    <message>
        <source>Search friends</source>
        <extracomment>Rows laid out per event-loop turn. The search box never gets narrower than this (it must stay usable at the window&apos;s minimum size). Local look of the page&apos;s tabs, header row and empty state.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add friend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No friends yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find players by their username and send them a request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No friends match “{query}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the spelling, or look for them among all players.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search all players for “{query}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove friend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GroupDialog</name>
    <message>
        <source>New group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search friends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create group</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HostConsoleView</name>
    <message>
        <source>Players and seeds</source>
        <extracomment>How long &quot;click again&quot; waits for the second click. A name on a forfeit button is elided to this width (the console stays narrow).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random seeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove player</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find a player to add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Third-place match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grand-final reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start tournament</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete tournament</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The live score: every change is broadcast to viewers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Player 1 forfeits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Player 2 forfeits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disqualify (leaves the tournament)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tournament</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pair next round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take bracket back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish tournament</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}  (double-click to add)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a match in the bracket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} forfeits</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncomingCallWindow</name>
    <message>
        <source>Incoming call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incoming {kind}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is calling</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <source>LANGUAGE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System ({language})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates, times and numbers follow the language too. Open windows switch at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Quit</source>
        <extracomment>No pane of a section&apos;s splitter gets narrower than this (a list must stay readable). The width of a splitter&apos;s handle, in pixels. The smallest window still holds the sidebar and two panes at their minimum: a smaller one would squeeze them below it whatever the splitter says.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageListView</name>
    <message>
        <source>New messages  ↓</source>
        <extracomment>Load the older page when the list is scrolled this close to its top. Rows laid out per event-loop turn. Shown when messages arrive below while the user reads older ones.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading older messages...</source>
        <extracomment>Shown while an older page loads.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageRow</name>
    <message>
        <source>Dismiss</source>
        <extracomment>None: warnings stay until dismissed.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotificationCentreView</name>
    <message>
        <source>Inbox</source>
        <extracomment>Local look of the centre&apos;s header (the heading, and a quiet text button). The type badge on an actor&apos;s avatar. Badge colour and glyph per notification type.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark all read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You&apos;re all caught up.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotificationsModel</name>
    <message>
        <source>just now</source>
        <extracomment>Who it is from, as an ``Actor`` (None: not said, or not known yet). Refresh cadence of &quot;5 min ago&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Plurals</name>
    <message numerus="yes">
        <source>%n people are typing...</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n players</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} / %n players</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PopOutWindow</name>
    <message>
        <source>Drag this strip to move; its corner resizes; double click or Esc closes</source>
        <extracomment>Distance the self-view keeps from the picture&apos;s edges when it is placed. The self-view&apos;s label (what is sent), in pixels. Height of the pop-out&apos;s bottom strip (drag, resize grip), outside the picture. Where it is, in the picture area&apos;s coordinates. The user moved it: layout changes keep it where it was put (inside bounds).</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RenameDialog</name>
    <message>
        <source>Rename conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RequestsView</name>
    <message>
        <source>Search players by username or name</source>
        <extracomment>A player&apos;s name keeps at least this much room beside the buttons. What each button says.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Section</name>
    <message>
        <source>Friends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tournaments</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HOW FRIENDS SEE YOU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picture URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IN USE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PROFILES</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ADD A SUPABASE PROJECT OR LAN HUB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anon key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VERSIONS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILES</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Embedded demo hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://&lt;project&gt;.supabase.co or http://192.168.1.20:54321</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SETTINGS PROBLEMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GamerFlick on the desktop: see which friends are online, chat with typing indicators, get live notifications, follow tournament brackets as scores come in, and take 1:1 video and audio calls. Lighter than a browser, and it talks to the same Supabase backend as the GamerFlick mobile app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built with Qt for Python (PySide6), qasync, aiortc and the official Supabase Python clients.
Released under the MIT License.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>NAVIGATE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{section} ({shortcut})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — {count} unread</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SignInForm</name>
    <message>
        <source>you@example.com</source>
        <extracomment>Hint under &quot;Remember me&quot; where no secure keyring exists. Only for a sign-up; empty otherwise.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How friends see you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remember me on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <source>Welcome to GamerFlick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to see your friends, chats and tournaments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue as Demo Player</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OR SIGN IN WITH EMAIL</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusPicker</name>
    <message>
        <source>SET YOUR STATUS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PLAYING</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search games or type one</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TournamentChatModel</name>
    <message>
        <source>  · sending…</source>
        <extracomment>Messages held at most. The message&apos;s sender id, and its state (&quot;sent&quot;, &quot;sending&quot;, &quot;failed&quot;).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  · not sent</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TournamentChatPane</name>
    <message>
        <source>Tournament chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say something to everyone here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TournamentPage</name>
    <message>
        <source>Bracket</source>
        <extracomment>The longest side of an exported bracket picture, in pixels. The chat pane&apos;s width beside the tabs, and the host console&apos;s beside the bracket. From this page width on the chat sits beside the bracket; narrower, it is a tab.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the whole bracket (0). Zoom: wheel, + and -; drag to pan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the bracket as a picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the standings as a table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody has registered yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TournamentsView</name>
    <message>
        <source>Tournaments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a tournament you host</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>Show gfdesk</source>
        <extracomment>Rendered sizes of the badged icon; trays ask for 16 to 64 px.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>video call</source>
        <extracomment>The badge shown (&quot;&quot; for none): the icon is drawn again only when it changes.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>voice call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{caller} — incoming {kind}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decline call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{app} — {caller} is calling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incoming {kind}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{caller} is calling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{app} — {count} unread</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>callsettings</name>
    <message>
        <source>Automatic (the first camera; a test pattern if there is none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No camera found: calls send a test pattern</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chat</name>
    <message>
        <source>Today</source>
        <extracomment>A sender&apos;s messages closer than this share one header. The longest message body, in characters: the composer stops here and the server refuses more (``messages_body_length_check`` in the hub and the migrations). Stored on the server (every message of others, and ours once confirmed). Ours, queued in the outbox, not confirmed yet (offline: until reconnect). Ours, refused by the server for good; can be retried.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages can be at most {limit} characters; this one has {length}. Shorten it by {excess}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{first} and {second} are typing...</source>
        <extracomment>At most one outgoing typing event per this many seconds. From this many typists on, the label counts instead of naming.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is typing...</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hubfinder</name>
    <message>
        <source>Looking for hubs on this network…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hubs cannot be looked for here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>messagedelegate</name>
    <message>
        <source>message deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (edited)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>signin</name>
    <message>
        <source>Sign in to GamerFlick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a GamerFlick account</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>statuspicker</name>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a game…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tournament</name>
    <message>
        <source>Upcoming</source>
        <extracomment>The longest tournament chat message the composer sends. The longest tournament name and game the create form takes. The size choices of the create form (``max_participants``). Open: players register and withdraw; the host seeds. Started: the bracket is being played. Closed by the host; nothing changes any more.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Single elimination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double elimination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round robin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages can be at most {limit} characters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>userstatus</name>
    <message>
        <source>Online</source>
        <extracomment>Chosen by a user who wants to look offline: never tracked, so others see OFFLINE, while the app still receives everything.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not disturb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In game</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invisible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playing {game}</source>
        <extracomment>The statuses a user can choose (offline is not chosen, it is leaving).</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>view</name>
    <message>
        <source>Pick a conversation to start chatting.</source>
        <extracomment>Show the character count from this length on.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editing your message · Enter to save · Esc to cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a tournament to follow its bracket live.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wording</name>
    <message>
        <source>Test pattern (no camera found)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test tone (no microphone found)</source>
        <extracomment>What the window says when there is no microphone and a tone is sent.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measuring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voice call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calling {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is calling you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} hung up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} declined the call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You declined the call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer from {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missed call from {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is in another call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} cancelled the call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The call could not connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The call ended: the other app sent something gfdesk cannot read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered on another device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{percent}% loss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
