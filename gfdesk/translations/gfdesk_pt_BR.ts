<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR" sourcelanguage="en">
<context>
    <name>AccountFlow</name>
    <message>
        <source>Check your email to confirm the account, then sign in.</source>
        <translation>Confira seu e-mail para confirmar a conta e depois entre.</translation>
    </message>
    <message>
        <source>gfdesk could not open your friends and chats; see the log.</source>
        <translation>O gfdesk não conseguiu abrir seus amigos e chats; veja o log.</translation>
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
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>No backend</source>
        <translation>Sem backend</translation>
    </message>
    <message>
        <source>Set your status</source>
        <translation>Definir seu status</translation>
    </message>
    <message>
        <source>Settings (Ctrl+,)</source>
        <translation>Configurações (Ctrl+,)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configurações</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Não conectado</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>gfdesk already runs with the profile {name}: it is brought to the front instead.</source>
        <translation>O gfdesk já está aberto com o perfil {name}: a janela dele vem para a frente.</translation>
    </message>
</context>
<context>
    <name>AppearancePage</name>
    <message>
        <source>Dark</source>
        <translation>Escuro</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>System (follow the OS colour scheme)</source>
        <translation>Sistema (seguir o esquema de cores do sistema)</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>The theme applies at once and is kept for the next start.</source>
        <translation>O tema é aplicado na hora e fica salvo para a próxima vez.</translation>
    </message>
    <message>
        <source>Applied, but not saved: %s</source>
        <translation>Aplicado, mas não salvo: %s</translation>
    </message>
</context>
<context>
    <name>BracketScene</name>
    <message>
        <source>LIVE</source>
        <extracomment>The live pill&apos;s least width and its text&apos;s side padding (both sides together). Z order: connectors under cards. How often this card painted itself (tests and the benchmark count repaints).</extracomment>
        <translation>AO VIVO</translation>
    </message>
</context>
<context>
    <name>BracketView</name>
    <message>
        <source>{match} (live)</source>
        <extracomment>Zoom limits (scene units per pixel: 1 is the cards&apos; own size). Zoom factor per wheel notch and per key press.</extracomment>
        <translation>{match} (ao vivo)</translation>
    </message>
    <message>
        <source>Bracket</source>
        <extracomment>The first look at a large bracket is not shrunk below this (it starts at the top left, readable, instead of a whole picture too small to read); ``fit`` goes further. A press and release this close (pixels) is a click, not a drag.</extracomment>
        <translation>Chave</translation>
    </message>
</context>
<context>
    <name>CallModel</name>
    <message>
        <source>You are already in a call.</source>
        <extracomment>How often the quality indicator is refreshed. The synthetic picture sent when there is no camera. Self-view pictures are scaled to this width before they are painted.</extracomment>
        <translation>Você já está em uma chamada.</translation>
    </message>
    <message>
        <source>Cannot call now: {reason}.</source>
        <translation>Não dá para ligar agora: {reason}.</translation>
    </message>
    <message>
        <source>The call could not be placed; see the log.</source>
        <translation>Não foi possível fazer a chamada; veja o log.</translation>
    </message>
    <message>
        <source>The call could not be answered; see the log.</source>
        <translation>Não foi possível atender a chamada; veja o log.</translation>
    </message>
</context>
<context>
    <name>CallWindow</name>
    <message>
        <source>Call</source>
        <translation>Chamada</translation>
    </message>
    <message>
        <source>The picture is in the pop-out window.
Close that window to bring it back.</source>
        <extracomment>An ended call&apos;s window stays this long to say why, then hides. Page of the picture stack.</extracomment>
        <translation>A imagem está na janela destacada.
Feche essa janela para trazê-la de volta.</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Silenciar</translation>
    </message>
    <message>
        <source>Turn the camera off</source>
        <translation>Desligar a câmera</translation>
    </message>
    <message>
        <source>Switch camera</source>
        <translation>Trocar de câmera</translation>
    </message>
    <message>
        <source>Pop out the picture (for OBS)</source>
        <translation>Abrir a imagem em uma janela separada (para o OBS)</translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation>Desligar</translation>
    </message>
    <message>
        <source>{kind} with {name}</source>
        <translation>{kind} com {name}</translation>
    </message>
    <message>
        <source>Voice call</source>
        <translation>Chamada de voz</translation>
    </message>
    <message>
        <source>Voice call · muted</source>
        <translation>Chamada de voz · sem som</translation>
    </message>
    <message>
        <source>{name} turned their camera off</source>
        <translation>{name} desligou a câmera</translation>
    </message>
    <message>
        <source>Sending: {source}</source>
        <translation>Enviando: {source}</translation>
    </message>
</context>
<context>
    <name>CallsFeature</name>
    <message>
        <source>That call is not in progress on this device.</source>
        <translation>Essa chamada não está em andamento neste dispositivo.</translation>
    </message>
</context>
<context>
    <name>CallsPage</name>
    <message>
        <source>DEVICES</source>
        <extracomment>The servers listed, and the credentials typed for them in this visit.</extracomment>
        <translation>DISPOSITIVOS</translation>
    </message>
    <message>
        <source>Looking for cameras…</source>
        <translation>Procurando câmeras…</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Câmera</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Microfone</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Alto-falante</translation>
    </message>
    <message>
        <source>STUN AND TURN SERVERS</source>
        <translation>SERVIDORES STUN E TURN</translation>
    </message>
    <message>
        <source>turn:turn.example.org:3478 (several: separate with commas)</source>
        <translation>turn:turn.example.org:3478 (vários: separe com vírgulas)</translation>
    </message>
    <message>
        <source>TURN only</source>
        <translation>Só TURN</translation>
    </message>
    <message>
        <source>TURN only; kept in the system keyring</source>
        <translation>Só TURN; guardada no chaveiro do sistema</translation>
    </message>
    <message>
        <source>Add server</source>
        <translation>Adicionar servidor</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remover</translation>
    </message>
    <message>
        <source>URLs</source>
        <translation>URLs</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nome de usuário</translation>
    </message>
    <message>
        <source>Credential</source>
        <translation>Credencial</translation>
    </message>
    <message>
        <source>CALL SIGNALLING</source>
        <translation>SINALIZAÇÃO DE CHAMADAS</translation>
    </message>
    <message>
        <source>Empty: Supabase Realtime (the default)</source>
        <translation>Vazio: Supabase Realtime (o padrão)</translation>
    </message>
    <message>
        <source>Kept in the system keyring; empty: the project&apos;s anon key</source>
        <translation>Guardado no chaveiro do sistema; vazio: a anon key do projeto</translation>
    </message>
    <message>
        <source>Socket.IO server</source>
        <translation>Servidor Socket.IO</translation>
    </message>
    <message>
        <source>Server token</source>
        <translation>Token do servidor</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Salvar</translation>
    </message>
    <message>
        <source>Changes apply from the next call. With no server, calls connect directly (fine on one network; across the internet most need STUN, and TURN behind strict firewalls).</source>
        <translation>As mudanças valem a partir da próxima chamada. Sem servidor, as chamadas se conectam direto (tranquilo na mesma rede; pela internet a maioria precisa de STUN, e de TURN atrás de firewalls rígidos).</translation>
    </message>
    <message>
        <source>{device} (not connected)</source>
        <translation>{device} (desconectado)</translation>
    </message>
    <message>
        <source>  ·  credential entered</source>
        <translation>  ·  credencial digitada</translation>
    </message>
    <message>
        <source>  ·  credential in the keyring (if saved)</source>
        <translation>  ·  credencial no chaveiro (se salva)</translation>
    </message>
    <message>
        <source>A TURN server needs its credential.</source>
        <translation>Um servidor TURN precisa da sua credencial.</translation>
    </message>
    <message>
        <source>Added; press Save to keep it.</source>
        <translation>Adicionado; clique em Salvar para mantê-lo.</translation>
    </message>
    <message>
        <source>No secure keyring on this system: a TURN credential cannot be kept. Nothing was saved.</source>
        <translation>Não há chaveiro seguro neste sistema: uma credencial TURN não pode ser guardada. Nada foi salvo.</translation>
    </message>
    <message>
        <source>Socket.IO server: {reason}. Nothing was saved.</source>
        <translation>Servidor Socket.IO: {reason}. Nada foi salvo.</translation>
    </message>
    <message>
        <source>A server token needs a Socket.IO server. Nothing was saved.</source>
        <translation>Um token de servidor precisa de um servidor Socket.IO. Nada foi salvo.</translation>
    </message>
    <message>
        <source>No secure keyring on this system: the server token cannot be kept. Nothing was saved.</source>
        <translation>Não há chaveiro seguro neste sistema: o token do servidor não pode ser guardado. Nada foi salvo.</translation>
    </message>
    <message>
        <source>Could not save ({kind}).</source>
        <translation>Não foi possível salvar ({kind}).</translation>
    </message>
    <message>
        <source>Saved. The next call uses these settings; a new signalling server, from the next sign-in.</source>
        <translation>Salvo. A próxima chamada usa estas configurações; um novo servidor de sinalização, a partir do próximo login.</translation>
    </message>
</context>
<context>
    <name>CertificateDialog</name>
    <message>
        <source>Certificate changed</source>
        <extracomment>The dialog may stay open as long as the player needs to walk to the host&apos;s screen.</extracomment>
        <translation>Certificado alterado</translation>
    </message>
    <message>
        <source>Check the hub&apos;s fingerprint</source>
        <translation>Confira a impressão digital do hub</translation>
    </message>
    <message>
        <source>The hub at {address} presents a different certificate than the one you trusted before. Someone on this network may be pretending to be the hub to read your password and messages. Do not continue unless the host has made a new hub and its screen shows the new fingerprint below.

Trusted before:
{pinned}

Presented now:</source>
        <translation>O hub em {address} apresenta um certificado diferente daquele em que você confiou antes. Alguém nesta rede pode estar se passando pelo hub para ler sua senha e suas mensagens. Não continue a menos que o anfitrião tenha criado um novo hub e a tela dele mostre a nova impressão digital abaixo.

Confiável antes:
{pinned}

Apresentado agora:</translation>
    </message>
    <message>
        <source>First connection to the hub at {address}. Compare this fingerprint with the one on the host&apos;s screen (the line &quot;TLS fingerprint&quot; where the hub runs). Trust it only if they are the same.</source>
        <translation>Primeira conexão com o hub em {address}. Compare esta impressão digital com a que aparece na tela do anfitrião (a linha &quot;TLS fingerprint&quot; onde o hub roda). Confie apenas se forem iguais.</translation>
    </message>
    <message>
        <source>Trust the new certificate</source>
        <translation>Confiar no novo certificado</translation>
    </message>
    <message>
        <source>They match: trust</source>
        <translation>São iguais: confiar</translation>
    </message>
    <message>
        <source>Do not connect</source>
        <translation>Não conectar</translation>
    </message>
</context>
<context>
    <name>ChatFeature</name>
    <message>
        <source>Direct message</source>
        <translation>Mensagem direta</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
</context>
<context>
    <name>ChatModel</name>
    <message>
        <source>Conversations could not be loaded yet; retrying.</source>
        <extracomment>Retries of a read that failed (offline): first ceiling and largest ceiling, in s. Our messages not confirmed yet, by conversation (kept across switching). Reads retrying while the server is away; cancelled on close.</extracomment>
        <translation>Ainda não deu para carregar as conversas; tentando de novo.</translation>
    </message>
    <message>
        <source>Could not start the conversation: {reason}</source>
        <translation>Não foi possível iniciar a conversa: {reason}</translation>
    </message>
    <message>
        <source>This message can no longer be edited.</source>
        <translation>Esta mensagem não pode mais ser editada.</translation>
    </message>
    <message>
        <source>A message cannot be empty; delete it instead.</source>
        <translation>Uma mensagem não pode ficar vazia; apague-a em vez disso.</translation>
    </message>
    <message>
        <source>Could not create the group: {reason}</source>
        <translation>Não foi possível criar o grupo: {reason}</translation>
    </message>
    <message>
        <source>Could not rename: {reason}</source>
        <translation>Não foi possível renomear: {reason}</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <source>Messages</source>
        <extracomment>The conversation the composer&apos;s text belongs to (its draft on a switch). The message being edited (None: the composer writes a new one).</extracomment>
        <translation>Mensagens</translation>
    </message>
    <message>
        <source>+ Group</source>
        <translation>+ Grupo</translation>
    </message>
    <message>
        <source>Make a group chat with friends</source>
        <translation>Criar um chat em grupo com amigos</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversas</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Renomear</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Start a voice call</source>
        <translation>Iniciar chamada de voz</translation>
    </message>
    <message>
        <source>Start a video call</source>
        <translation>Iniciar chamada de vídeo</translation>
    </message>
    <message>
        <source>This is the beginning of your conversation with {who}.
Say hi!</source>
        <translation>Este é o início da sua conversa com {who}.
Diga oi!</translation>
    </message>
    <message>
        <source>This is the beginning of {who}.
Say hi to the group!</source>
        <translation>Este é o início de {who}.
Diga oi para o grupo!</translation>
    </message>
    <message numerus="yes">
        <source>%n members</source>
        <translation>
            <numerusform>%n membro</numerusform>
            <numerusform>%n membros</numerusform>
        </translation>
    </message>
    <message>
        <source>Direct message</source>
        <translation>Mensagem direta</translation>
    </message>
    <message>
        <source>Message {name}</source>
        <translation>Mensagem para {name}</translation>
    </message>
    <message>
        <source>Edit message</source>
        <translation>Editar mensagem</translation>
    </message>
    <message>
        <source>Delete message</source>
        <translation>Apagar mensagem</translation>
    </message>
    <message>
        <source>{length} / {limit} characters</source>
        <translation>{length} / {limit} caracteres</translation>
    </message>
</context>
<context>
    <name>CloseToTray</name>
    <message>
        <source>gfdesk is still running</source>
        <translation>O gfdesk continua aberto</translation>
    </message>
    <message>
        <source>gfdesk is still running in the tray. Choose Quit in the tray menu (or press Ctrl+Q) to end it.</source>
        <translation>O gfdesk continua rodando na bandeja. Escolha Sair no menu da bandeja (ou aperte Ctrl+Q) para fechá-lo.</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Message</source>
        <extracomment>The composer grows up to this many lines, then scrolls.</extracomment>
        <translation>Mensagem</translation>
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
        <translation>Conectando a {backend}…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Offline — {reason}, retrying</source>
        <translation>Offline — {reason}, tentando de novo</translation>
    </message>
    <message>
        <source>Offline — retrying</source>
        <translation>Offline — tentando de novo</translation>
    </message>
    <message>
        <source>No backend</source>
        <translation>Sem backend</translation>
    </message>
</context>
<context>
    <name>ConnectionStatus</name>
    <message>
        <source>not started</source>
        <translation>não iniciado</translation>
    </message>
    <message>
        <source>connection lost</source>
        <translation>conexão perdida</translation>
    </message>
    <message>
        <source>not signed in</source>
        <translation>não conectado</translation>
    </message>
    <message>
        <source>starting the demo hub</source>
        <translation>iniciando o hub de demonstração</translation>
    </message>
    <message>
        <source>demo hub</source>
        <extracomment>How the status bar names the embedded hub (a backend label, like a host name).</extracomment>
        <translation>hub de demonstração</translation>
    </message>
    <message>
        <source>connection lost ({detail})</source>
        <extracomment>A dropped socket: &quot;connection lost (1006)&quot;; ``{detail}`` is the close code.</extracomment>
        <translation>conexão perdida ({detail})</translation>
    </message>
    <message>
        <source>no close frame</source>
        <translation>sem quadro de fechamento</translation>
    </message>
</context>
<context>
    <name>ConversationDelegate</name>
    <message>
        <source>Hidden in streamer mode</source>
        <extracomment>A preview is cut here before painting (far more than one row can show).</extracomment>
        <translation>Oculto no modo streamer</translation>
    </message>
</context>
<context>
    <name>CreateTournamentDialog</name>
    <message>
        <source>New tournament</source>
        <translation>Novo torneio</translation>
    </message>
    <message>
        <source>Friday Night Cup</source>
        <translation>Copa Sexta à Noite</translation>
    </message>
    <message>
        <source>Arena Blitz</source>
        <translation>Arena Blitz</translation>
    </message>
    <message numerus="yes">
        <source>%n players</source>
        <translation>
            <numerusform>%n jogador</numerusform>
            <numerusform>%n jogadores</numerusform>
        </translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Game</source>
        <translation>Jogo</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formato</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamanho</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Começa</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Criar</translation>
    </message>
</context>
<context>
    <name>DesktopPage</name>
    <message>
        <source>Window</source>
        <translation>Janela</translation>
    </message>
    <message>
        <source>Closing the window keeps gfdesk running in the tray</source>
        <translation>Fechar a janela mantém o gfdesk rodando na bandeja</translation>
    </message>
    <message>
        <source>Start gfdesk in the tray when I log in</source>
        <translation>Iniciar o gfdesk na bandeja quando eu entrar no sistema</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nunca</translation>
    </message>
    <message>
        <source>Away after this long idle</source>
        <translation>Ausente após esse tempo inativo</translation>
    </message>
    <message>
        <source>Away after idle</source>
        <translation>Ausente após inatividade</translation>
    </message>
    <message>
        <source>Streamer mode</source>
        <translation>Modo streamer</translation>
    </message>
    <message>
        <source>Streamer mode: hide email addresses, notification texts and message previews</source>
        <translation>Modo streamer: ocultar endereços de e-mail, textos de notificações e prévias de mensagens</translation>
    </message>
    <message>
        <source>Turn it on while OBS or Streamlabs runs</source>
        <translation>Ligar enquanto o OBS ou o Streamlabs estiver aberto</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notificações</translation>
    </message>
    <message>
        <source>Play a sound for new notifications</source>
        <translation>Tocar um som para novas notificações</translation>
    </message>
    <message>
        <source>Start at login could not be changed: {0}</source>
        <translation>Não foi possível mudar a inicialização com o sistema: {0}</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>Your friends will show up here</source>
        <extracomment>The round backdrop behind the icon (its radius is in the stylesheet). Title and body wrap at this width; a fixed width keeps Qt&apos;s height-for-width honest.</extracomment>
        <translation>Seus amigos vão aparecer aqui</translation>
    </message>
    <message>
        <source>See who is online and what they are playing, then jump into a chat.</source>
        <translation>Veja quem está online e o que está jogando, e entre direto no chat.</translation>
    </message>
    <message>
        <source>Your conversations will show up here</source>
        <translation>Suas conversas vão aparecer aqui</translation>
    </message>
    <message>
        <source>Direct messages and group chats with your squad, on every device.</source>
        <translation>Mensagens diretas e chats em grupo com o seu squad, em qualquer dispositivo.</translation>
    </message>
    <message>
        <source>Tournaments will show up here</source>
        <translation>Os torneios vão aparecer aqui</translation>
    </message>
    <message>
        <source>Follow live brackets and scores as the matches are played.</source>
        <translation>Acompanhe chaves e placares ao vivo enquanto as partidas rolam.</translation>
    </message>
    <message>
        <source>No backend</source>
        <translation>Sem backend</translation>
    </message>
    <message>
        <source>Run `gfdesk --demo` for the built-in demo hub, or add your GamerFlick Supabase project in Settings.</source>
        <translation>Rode `gfdesk --demo` para usar o hub de demonstração embutido ou adicione seu projeto Supabase do GamerFlick nas Configurações.</translation>
    </message>
    <message>
        <source>Open Settings</source>
        <translation>Abrir Configurações</translation>
    </message>
    <message>
        <source>your backend</source>
        <translation>seu backend</translation>
    </message>
    <message>
        <source>Connecting to {backend}…</source>
        <translation>Conectando a {backend}…</translation>
    </message>
    <message>
        <source>This usually takes a moment.</source>
        <translation>Isso costuma levar só um instante.</translation>
    </message>
    <message>
        <source>Everything you missed comes in once you&apos;re back online.</source>
        <translation>Tudo o que você perdeu chega assim que você voltar a ficar online.</translation>
    </message>
    <message>
        <source>Last error: {reason}</source>
        <translation>Último erro: {reason}</translation>
    </message>
    <message>
        <source>You&apos;re offline — gfdesk keeps retrying</source>
        <translation>Você está offline — o gfdesk continua tentando</translation>
    </message>
</context>
<context>
    <name>FriendsView</name>
    <message>
        <source>Search friends</source>
        <extracomment>Muted text on a selected row (the plain muted grey is too faint there). Rows laid out per event-loop turn. The search box never gets narrower than this (it must stay usable at the window&apos;s minimum size).</extracomment>
        <translation>Buscar amigos</translation>
    </message>
    <message>
        <source>Add friend</source>
        <translation>Adicionar amigo</translation>
    </message>
    <message>
        <source>Friends</source>
        <translation>Amigos</translation>
    </message>
    <message>
        <source>Requests  {count}</source>
        <translation>Pedidos  {count}</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Pedidos</translation>
    </message>
    <message>
        <source>No friends yet</source>
        <translation>Nenhum amigo ainda</translation>
    </message>
    <message>
        <source>Find players by their username and send them a request.</source>
        <translation>Encontre jogadores pelo nome de usuário e envie um pedido.</translation>
    </message>
    <message>
        <source>No friends match “{query}”</source>
        <translation>Nenhum amigo corresponde a “{query}”</translation>
    </message>
    <message>
        <source>Check the spelling, or look for them among all players.</source>
        <translation>Confira a grafia ou procure entre todos os jogadores.</translation>
    </message>
    <message>
        <source>Search all players for “{query}”</source>
        <translation>Buscar “{query}” entre todos os jogadores</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Enviar mensagem</translation>
    </message>
    <message>
        <source>Video call</source>
        <translation>Chamada de vídeo</translation>
    </message>
    <message>
        <source>Voice call</source>
        <translation>Chamada de voz</translation>
    </message>
    <message>
        <source>Remove friend</source>
        <translation>Remover amigo</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Bloquear</translation>
    </message>
    <message numerus="yes">
        <source>{online} of %n friends online</source>
        <translation>
            <numerusform>{online} de %n amigo online</numerusform>
            <numerusform>{online} de %n amigos online</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroupDialog</name>
    <message>
        <source>New group</source>
        <translation>Novo grupo</translation>
    </message>
    <message>
        <source>Add friends first: a group is made of your friends.</source>
        <translation>Adicione amigos primeiro: um grupo é formado pelos seus amigos.</translation>
    </message>
    <message>
        <source>Group name</source>
        <translation>Nome do grupo</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membros</translation>
    </message>
    <message>
        <source>Search friends</source>
        <translation>Buscar amigos</translation>
    </message>
    <message>
        <source>Create group</source>
        <translation>Criar grupo</translation>
    </message>
    <message numerus="yes">
        <source>%n friend(s) chosen</source>
        <translation>
            <numerusform>%n amigo escolhido</numerusform>
            <numerusform>%n amigos escolhidos</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose at least one friend.</source>
        <translation>Escolha pelo menos um amigo.</translation>
    </message>
</context>
<context>
    <name>HostConsoleView</name>
    <message>
        <source>Players and seeds</source>
        <extracomment>A found player&apos;s name (their list item is worded around it). How long &quot;click again&quot; waits for the second click. A name on a forfeit button is elided to this width (the console stays narrow).</extracomment>
        <translation>Jogadores e cabeças de chave</translation>
    </message>
    <message>
        <source>Drag players to set their seeds (1 is the strongest).</source>
        <translation>Arraste os jogadores para definir as cabeças de chave (1 é o mais forte).</translation>
    </message>
    <message>
        <source>Random seeds</source>
        <translation>Sortear cabeças de chave</translation>
    </message>
    <message>
        <source>Remove player</source>
        <translation>Remover jogador</translation>
    </message>
    <message>
        <source>Find a player to add</source>
        <translation>Encontre um jogador para adicionar</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Third-place match</source>
        <translation>Disputa de terceiro lugar</translation>
    </message>
    <message>
        <source>Grand-final reset</source>
        <translation>Reset da grande final</translation>
    </message>
    <message>
        <source>Start tournament</source>
        <translation>Iniciar torneio</translation>
    </message>
    <message>
        <source>Delete tournament</source>
        <translation>Excluir torneio</translation>
    </message>
    <message>
        <source>Click again to delete it</source>
        <translation>Clique de novo para excluir</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Partida</translation>
    </message>
    <message>
        <source>The live score: every change is broadcast to viewers</source>
        <translation>O placar ao vivo: cada mudança é transmitida para quem está assistindo</translation>
    </message>
    <message>
        <source>Mark live</source>
        <translation>Marcar como ao vivo</translation>
    </message>
    <message>
        <source>Click again to finish: results are final</source>
        <translation>Clique de novo para encerrar: os resultados são definitivos</translation>
    </message>
    <message>
        <source>Correct result</source>
        <translation>Corrigir resultado</translation>
    </message>
    <message>
        <source>Report result</source>
        <translation>Informar resultado</translation>
    </message>
    <message>
        <source>{match} ({tag}): {status}</source>
        <translation>{match} ({tag}): {status}</translation>
    </message>
    <message>
        <source>Reset match</source>
        <translation>Reiniciar partida</translation>
    </message>
    <message>
        <source>Player 1 forfeits</source>
        <translation>Jogador 1 desiste</translation>
    </message>
    <message>
        <source>Player 2 forfeits</source>
        <translation>Jogador 2 desiste</translation>
    </message>
    <message>
        <source>Disqualify (leaves the tournament)</source>
        <translation>Desclassificar (sai do torneio)</translation>
    </message>
    <message>
        <source>Tournament</source>
        <translation>Torneio</translation>
    </message>
    <message>
        <source>Pair next round</source>
        <translation>Emparelhar próxima rodada</translation>
    </message>
    <message>
        <source>Take bracket back</source>
        <translation>Desfazer a chave</translation>
    </message>
    <message>
        <source>Finish tournament</source>
        <translation>Encerrar torneio</translation>
    </message>
    <message>
        <source>{name}  (double-click to add)</source>
        <translation>{name}  (clique duas vezes para adicionar)</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>pendente</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>pronta</translation>
    </message>
    <message>
        <source>live</source>
        <translation>ao vivo</translation>
    </message>
    <message>
        <source>done</source>
        <translation>encerrada</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Processando…</translation>
    </message>
    <message>
        <source>No player found by that name.</source>
        <translation>Nenhum jogador encontrado com esse nome.</translation>
    </message>
    <message>
        <source>Click a match in the bracket.</source>
        <translation>Clique em uma partida na chave.</translation>
    </message>
    <message>
        <source>{name} forfeits</source>
        <translation>{name} desiste</translation>
    </message>
</context>
<context>
    <name>HostModel</name>
    <message>
        <source>That did not work: {reason}</source>
        <translation>Não deu certo: {reason}</translation>
    </message>
    <message>
        <source>{name} added.</source>
        <translation>Adicionado ao torneio: {name}.</translation>
    </message>
    <message>
        <source>The tournament has started.</source>
        <translation>O torneio começou.</translation>
    </message>
    <message>
        <source>The bracket was taken back; registration is open again.</source>
        <translation>A chave foi desfeita; as inscrições estão abertas de novo.</translation>
    </message>
    <message>
        <source>The next round is paired.</source>
        <translation>A próxima rodada está emparelhada.</translation>
    </message>
    <message>
        <source>The tournament is finished.</source>
        <translation>O torneio foi encerrado.</translation>
    </message>
</context>
<context>
    <name>HubFinderView</name>
    <message>
        <source>HUBS ON THIS NETWORK</source>
        <translation>HUBS NESTA REDE</translation>
    </message>
</context>
<context>
    <name>IncomingCallWindow</name>
    <message>
        <source>Incoming call</source>
        <translation>Chamada recebida</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Atender</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Recusar</translation>
    </message>
    <message>
        <source>Incoming video call</source>
        <translation>Recebendo chamada de vídeo</translation>
    </message>
    <message>
        <source>Incoming voice call</source>
        <translation>Recebendo chamada de voz</translation>
    </message>
    <message>
        <source>{name} is calling</source>
        <translation>{name} está ligando</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <source>LANGUAGE</source>
        <translation>IDIOMA</translation>
    </message>
    <message>
        <source>System ({language})</source>
        <translation>Sistema ({language})</translation>
    </message>
    <message>
        <source>Dates, times and numbers follow the language too. Open windows switch at once.</source>
        <translation>Datas, horários e números também seguem o idioma. As janelas abertas mudam na hora.</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>Não foi salvo: {reason}</translation>
    </message>
</context>
<context>
    <name>LinkOpener</name>
    <message>
        <source>Could not open the link {link}: {reason}</source>
        <extracomment>Links waiting for a sign-in; older ones give way to newer.</extracomment>
        <translation>Não foi possível abrir o link {link}: {reason}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Quit</source>
        <extracomment>No pane of a section&apos;s splitter gets narrower than this (a list must stay readable). The width of a splitter&apos;s handle, in pixels. The smallest window still holds the sidebar and two panes at their minimum: a smaller one would squeeze them below it whatever the splitter says.</extracomment>
        <translation>Sair</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configurações</translation>
    </message>
    <message>
        <source>Quick switcher</source>
        <translation>Troca rápida</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>Sending...</source>
        <extracomment>What was laid out (compared on each use: copying it back out of ``doc`` is not free): the body, and whether it was edited or deleted. The viewport width rows are laid out for (the view keeps it current).</extracomment>
        <translation>Enviando...</translation>
    </message>
    <message>
        <source>Failed to send ({reason}). Click to retry.</source>
        <translation>Falha ao enviar ({reason}). Clique para tentar de novo.</translation>
    </message>
    <message>
        <source>Failed to send. Click to retry.</source>
        <translation>Falha ao enviar. Clique para tentar de novo.</translation>
    </message>
</context>
<context>
    <name>MessageListView</name>
    <message>
        <source>Messages</source>
        <extracomment>Load the older page when the list is scrolled this close to its top. Rows laid out per event-loop turn. Shown when messages arrive below while the user reads older ones. Shown while an older page loads. Shown over an empty conversation (the view words it).</extracomment>
        <translation>Mensagens</translation>
    </message>
    <message>
        <source>New messages  ↓</source>
        <translation>Novas mensagens  ↓</translation>
    </message>
    <message>
        <source>Loading older messages...</source>
        <translation>Carregando mensagens antigas...</translation>
    </message>
</context>
<context>
    <name>MessageRow</name>
    <message>
        <source>Dismiss</source>
        <extracomment>None: warnings stay until dismissed.</extracomment>
        <translation>Dispensar</translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation>Dispensar aviso</translation>
    </message>
</context>
<context>
    <name>NotificationCentreView</name>
    <message>
        <source>Inbox</source>
        <translation>Caixa de entrada</translation>
    </message>
    <message>
        <source>Mark all read</source>
        <translation>Marcar tudo como lido</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notificações</translation>
    </message>
    <message>
        <source>You&apos;re all caught up.</source>
        <translation>Você está em dia.</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n não lida</numerusform>
            <numerusform>%n não lidas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotificationDelegate</name>
    <message>
        <source>Hidden in streamer mode</source>
        <extracomment>The type badge on an actor&apos;s avatar. Badge colour and glyph per notification type. A body is cut here before painting (far more than one row can show).</extracomment>
        <translation>Oculto no modo streamer</translation>
    </message>
</context>
<context>
    <name>NotificationsFeature</name>
    <message>
        <source>Hidden in streamer mode</source>
        <extracomment>Notifications arriving within this many ms make one toast.</extracomment>
        <translation>Oculto no modo streamer</translation>
    </message>
</context>
<context>
    <name>NotificationsModel</name>
    <message>
        <source>just now</source>
        <extracomment>Who it is from, as an ``Actor`` (None: not said, or not known yet). Refresh cadence of &quot;5 min ago&quot;.</extracomment>
        <translation>agora mesmo</translation>
    </message>
    <message>
        <source>unread</source>
        <translation>não lida</translation>
    </message>
</context>
<context>
    <name>OpenConversationModel</name>
    <message>
        <source>Messages could not be loaded yet; retrying.</source>
        <extracomment>Wait this long after the last change before writing ``last_read_at``. Told when the user has read up to a message&apos;s time: ``(conversation_id, created_at)``.</extracomment>
        <translation>Ainda não deu para carregar as mensagens; tentando de novo.</translation>
    </message>
</context>
<context>
    <name>Plurals</name>
    <message numerus="yes">
        <source>%n people are typing...</source>
        <translation>
            <numerusform>%n pessoa está digitando...</numerusform>
            <numerusform>%n pessoas estão digitando...</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n players</source>
        <translation>
            <numerusform>%n jogador</numerusform>
            <numerusform>%n jogadores</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} / %n players</source>
        <translation>
            <numerusform>{count} / %n jogador</numerusform>
            <numerusform>{count} / %n jogadores</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>há %n min</numerusform>
            <numerusform>há %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>há %n h</numerusform>
            <numerusform>há %n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d ago</source>
        <translation>
            <numerusform>há %n dia</numerusform>
            <numerusform>há %n dias</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PopOutWindow</name>
    <message>
        <source>Drag this strip to move; its corner resizes; double click or Esc closes</source>
        <extracomment>Distance the self-view keeps from the picture&apos;s edges when it is placed. The self-view&apos;s label (what is sent), in pixels. Height of the pop-out&apos;s bottom strip (drag, resize grip), outside the picture. Where it is, in the picture area&apos;s coordinates. The user moved it: layout changes keep it where it was put (inside bounds).</extracomment>
        <translation>Arraste esta faixa para mover; o canto redimensiona; clique duplo ou Esc fecha</translation>
    </message>
</context>
<context>
    <name>QuickSwitcher</name>
    <message>
        <source>Friend</source>
        <extracomment>Rows of the list visible without scrolling. How far below the top of the window the switcher opens, in pixels. The sidebar icon of each kind.</extracomment>
        <translation>Amigo</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversa</translation>
    </message>
    <message>
        <source>Tournament</source>
        <translation>Torneio</translation>
    </message>
    <message>
        <source>Quick switcher</source>
        <translation>Troca rápida</translation>
    </message>
    <message>
        <source>Find a friend, conversation or tournament</source>
        <translation>Encontre um amigo, conversa ou torneio</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Type part of a name; Up and Down choose, Enter opens, Escape closes</source>
        <translation>Digite parte de um nome; setas para cima e para baixo escolhem, Enter abre, Esc fecha</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Resultados</translation>
    </message>
    <message>
        <source>Nothing to switch to yet</source>
        <translation>Ainda não há nada para trocar</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>Nada encontrado</translation>
    </message>
</context>
<context>
    <name>RenameDialog</name>
    <message>
        <source>Rename conversation</source>
        <translation>Renomear conversa</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Salvar</translation>
    </message>
</context>
<context>
    <name>RequestsModel</name>
    <message>
        <source>Friend request sent to {}.</source>
        <extracomment>Keys typed within this pause make one search. Requests listed per direction at most (the count says how many there are).</extracomment>
        <translation>Pedido de amizade enviado para {}.</translation>
    </message>
    <message>
        <source>You and {} are friends.</source>
        <translation>Você e {} agora são amigos.</translation>
    </message>
    <message>
        <source>Declined {}&apos;s request.</source>
        <translation>Pedido de {} recusado.</translation>
    </message>
    <message>
        <source>Request to {} cancelled.</source>
        <translation>Pedido para {} cancelado.</translation>
    </message>
    <message>
        <source>{} is no longer your friend.</source>
        <translation>{} não é mais seu amigo.</translation>
    </message>
    <message>
        <source>{} is blocked.</source>
        <translation>{} foi bloqueado.</translation>
    </message>
    <message>
        <source>{} is no longer blocked.</source>
        <translation>{} não está mais bloqueado.</translation>
    </message>
    <message>
        <source>Could not request {name}: {reason}</source>
        <translation>Não foi possível enviar o pedido para {name}: {reason}</translation>
    </message>
    <message>
        <source>Could not accept {name}: {reason}</source>
        <translation>Não foi possível aceitar {name}: {reason}</translation>
    </message>
    <message>
        <source>Could not decline {name}: {reason}</source>
        <translation>Não foi possível recusar {name}: {reason}</translation>
    </message>
    <message>
        <source>Could not cancel {name}: {reason}</source>
        <translation>Não foi possível cancelar o pedido para {name}: {reason}</translation>
    </message>
    <message>
        <source>Could not remove {name}: {reason}</source>
        <translation>Não foi possível remover {name}: {reason}</translation>
    </message>
    <message>
        <source>Could not block {name}: {reason}</source>
        <translation>Não foi possível bloquear {name}: {reason}</translation>
    </message>
    <message>
        <source>Could not unblock {name}: {reason}</source>
        <translation>Não foi possível desbloquear {name}: {reason}</translation>
    </message>
    <message>
        <source>Search failed: {reason}</source>
        <translation>A busca falhou: {reason}</translation>
    </message>
</context>
<context>
    <name>RequestsView</name>
    <message>
        <source>Add friend</source>
        <extracomment>A player&apos;s name keeps at least this much room beside the buttons. What each button says.</extracomment>
        <translation>Adicionar amigo</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Atender</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Recusar</translation>
    </message>
    <message>
        <source>Cancel request</source>
        <translation>Cancelar pedido</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remover</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Bloquear</translation>
    </message>
    <message>
        <source>Unblock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Find players</source>
        <translation>Encontrar jogadores</translation>
    </message>
    <message>
        <source>Search players by username or name</source>
        <translation>Buscar jogadores por nome de usuário ou nome</translation>
    </message>
    <message>
        <source>Add a friend</source>
        <translation>Adicionar um amigo</translation>
    </message>
    <message>
        <source>Find players by their username or display name and send them a request.</source>
        <translation>Encontre jogadores pelo nome de usuário ou de exibição e envie um pedido.</translation>
    </message>
    <message>
        <source>PLAYERS</source>
        <translation>JOGADORES</translation>
    </message>
    <message>
        <source>INCOMING — {count}</source>
        <translation>RECEBIDOS — {count}</translation>
    </message>
    <message>
        <source>No pending requests.</source>
        <translation>Nenhum pedido pendente.</translation>
    </message>
    <message>
        <source>SENT — {count}</source>
        <translation>ENVIADOS — {count}</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <source>No players match “{query}”.</source>
        <translation>Nenhum jogador corresponde a “{query}”.</translation>
    </message>
</context>
<context>
    <name>Section</name>
    <message>
        <source>Friends</source>
        <translation>Amigos</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversas</translation>
    </message>
    <message>
        <source>Tournaments</source>
        <translation>Torneios</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Profile</source>
        <translation>Perfil</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Chamadas</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>Diagnóstico</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Sobre</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Desktop</source>
        <translation>Área de trabalho</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Aparência</translation>
    </message>
    <message>
        <source>HOW FRIENDS SEE YOU</source>
        <translation>COMO SEUS AMIGOS VEEM VOCÊ</translation>
    </message>
    <message>
        <source>Your display name</source>
        <translation>Seu nome de exibição</translation>
    </message>
    <message>
        <source>https://… (a picture)</source>
        <translation>https://… (uma imagem)</translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation>Salvar perfil</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Nome de exibição</translation>
    </message>
    <message>
        <source>Picture URL</source>
        <translation>URL da foto</translation>
    </message>
    <message>
        <source>Leave the picture empty to show your initials. Pictures are fetched by each friend&apos;s app: use a public http(s) link.</source>
        <translation>Deixe a imagem vazia para mostrar suas iniciais. As imagens são baixadas pelo app de cada amigo: use um link http(s) público.</translation>
    </message>
    <message>
        <source>IN USE</source>
        <translation>EM USO</translation>
    </message>
    <message>
        <source>  ·  key {key}</source>
        <translation>  ·  chave {key}</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Não conectado</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Sair</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Entrar</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Conta</translation>
    </message>
    <message>
        <source>PROFILES</source>
        <translation>PERFIS</translation>
    </message>
    <message>
        <source>ADD A SUPABASE PROJECT OR LAN HUB</source>
        <translation>ADICIONAR UM PROJETO SUPABASE OU HUB DE LAN</translation>
    </message>
    <message>
        <source>lan-party</source>
        <translation>lan-party</translation>
    </message>
    <message>
        <source>The project&apos;s anon (public) key</source>
        <translation>A anon key (pública) do projeto</translation>
    </message>
    <message>
        <source>Add profile</source>
        <translation>Adicionar perfil</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Anon key</source>
        <translation>Anon key</translation>
    </message>
    <message>
        <source>Switching takes effect on the next start: run gfdesk --profile NAME (profiles are saved in {path}).</source>
        <translation>A troca vale a partir da próxima inicialização: rode gfdesk --profile NOME (os perfis ficam salvos em {path}).</translation>
    </message>
    <message>
        <source>  ·  in use</source>
        <translation>  ·  em uso</translation>
    </message>
    <message>
        <source>Added {quoted}. Start gfdesk with --profile {name} to use it.</source>
        <translation>{quoted} adicionado. Inicie o gfdesk com --profile {name} para usá-lo.</translation>
    </message>
    <message>
        <source>{url} is not a server address: it must start with http:// or https:// and name a host, like https://&lt;project&gt;.supabase.co or http://192.168.1.20:54321.</source>
        <translation>{url} não é um endereço de servidor: ele precisa começar com http:// ou https:// e indicar um host, como https://&lt;projeto&gt;.supabase.co ou http://192.168.1.20:54321.</translation>
    </message>
    <message>
        <source>VERSIONS</source>
        <translation>VERSÕES</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Sistema</translation>
    </message>
    <message>
        <source>FILES</source>
        <translation>ARQUIVOS</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configurações</translation>
    </message>
    <message>
        <source>Embedded demo hub</source>
        <translation>Hub de demonstração embutido</translation>
    </message>
    <message>
        <source>https://&lt;project&gt;.supabase.co or http://192.168.1.20:54321</source>
        <translation>https://&lt;projeto&gt;.supabase.co ou http://192.168.1.20:54321</translation>
    </message>
    <message>
        <source>None: logging to the terminal only</source>
        <translation>Nenhum: registro apenas no terminal</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>Arquivo de log</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>Abrir pasta de logs</translation>
    </message>
    <message>
        <source>SETTINGS PROBLEMS</source>
        <translation>PROBLEMAS NAS CONFIGURAÇÕES</translation>
    </message>
    <message>
        <source>No file manager could open the folder. The logs are in: {folder}</source>
        <translation>Nenhum gerenciador de arquivos conseguiu abrir a pasta. Os logs estão em: {folder}</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>Versão {version}</translation>
    </message>
    <message>
        <source>GamerFlick on the desktop: see which friends are online, chat with typing indicators, get live notifications, follow tournament brackets as scores come in, and take 1:1 video and audio calls. Lighter than a browser, and it talks to the same Supabase backend as the GamerFlick mobile app.</source>
        <translation>GamerFlick no desktop: veja quais amigos estão online, converse com indicador de digitação, receba notificações ao vivo, acompanhe as chaves dos torneios conforme os placares chegam e faça chamadas de vídeo e voz 1:1. Mais leve que um navegador, e usa o mesmo backend Supabase do app GamerFlick para celular.</translation>
    </message>
    <message>
        <source>Built with Qt for Python (PySide6), qasync, aiortc and the official Supabase Python clients.
Released under the MIT License.</source>
        <translation>Feito com Qt for Python (PySide6), qasync, aiortc e os clientes Python oficiais do Supabase.
Lançado sob a Licença MIT.</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>NAVIGATE</source>
        <translation>NAVEGAR</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Seções</translation>
    </message>
    <message>
        <source>{section} ({shortcut})</source>
        <translation>{section} ({shortcut})</translation>
    </message>
    <message>
        <source> — {count} unread</source>
        <translation> — {count} não lidas</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n não lida</numerusform>
            <numerusform>%n não lidas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SignInError</name>
    <message>
        <source>Wrong email or password.</source>
        <extracomment>A stored sign-in could not be used; the message says why. Whether the refresh token is kept in the keyring across runs. The auth server&apos;s errors a user meets signing in or up, by GoTrue error code, in our words: shown in the user&apos;s language (the server&apos;s own message is English).</extracomment>
        <translation>E-mail ou senha incorretos.</translation>
    </message>
    <message>
        <source>Confirm your email address first: look for the message in your inbox.</source>
        <translation>Confirme seu endereço de e-mail primeiro: procure a mensagem na sua caixa de entrada.</translation>
    </message>
    <message>
        <source>An account with this email already exists: sign in instead.</source>
        <translation>Já existe uma conta com este e-mail: entre com ela.</translation>
    </message>
    <message>
        <source>This server does not take new accounts.</source>
        <translation>Este servidor não aceita novas contas.</translation>
    </message>
    <message>
        <source>This email address is not valid.</source>
        <translation>Este endereço de e-mail não é válido.</translation>
    </message>
    <message>
        <source>Too many attempts: wait a moment, then try again.</source>
        <translation>Tentativas demais: aguarde um momento e tente de novo.</translation>
    </message>
    <message>
        <source>This account is blocked.</source>
        <translation>Esta conta está bloqueada.</translation>
    </message>
    <message>
        <source>The password is too weak: use at least {count} characters.</source>
        <translation>A senha é fraca demais: use pelo menos {count} caracteres.</translation>
    </message>
</context>
<context>
    <name>SignInForm</name>
    <message>
        <source>Enter a valid email address.</source>
        <extracomment>Only for a sign-up; empty otherwise.</extracomment>
        <translation>Digite um endereço de e-mail válido.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Digite sua senha.</translation>
    </message>
    <message>
        <source>Choose a display name.</source>
        <translation>Escolha um nome de exibição.</translation>
    </message>
    <message>
        <source>you@example.com</source>
        <translation>voce@example.com</translation>
    </message>
    <message>
        <source>How friends see you</source>
        <translation>Como seus amigos veem você</translation>
    </message>
    <message>
        <source>Remember me on this computer</source>
        <translation>Lembrar de mim neste computador</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Senha</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Nome de exibição</translation>
    </message>
    <message>
        <source>I already have an account</source>
        <translation>Já tenho uma conta</translation>
    </message>
    <message>
        <source>Create an account</source>
        <translation>Criar uma conta</translation>
    </message>
    <message>
        <source>Creating account…</source>
        <translation>Criando conta…</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Criar conta</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Entrando…</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Entrar</translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <source>Welcome to GamerFlick</source>
        <translation>Boas-vindas ao GamerFlick</translation>
    </message>
    <message>
        <source>Sign in to see your friends, chats and tournaments.</source>
        <translation>Entre para ver seus amigos, chats e torneios.</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <source>Continue as Demo Player</source>
        <translation>Continuar como Jogador Demo</translation>
    </message>
    <message>
        <source>OR SIGN IN WITH EMAIL</source>
        <translation>OU ENTRE COM E-MAIL</translation>
    </message>
</context>
<context>
    <name>StatusPicker</name>
    <message>
        <source>Friends see you online</source>
        <translation>Seus amigos veem você online</translation>
    </message>
    <message>
        <source>Also after {minutes} min idle</source>
        <translation>Também após {minutes} min sem atividade</translation>
    </message>
    <message>
        <source>No pop-ups or sounds</source>
        <translation>Sem pop-ups nem sons</translation>
    </message>
    <message>
        <source>Look offline, still get everything</source>
        <translation>Pareça offline e continue recebendo tudo</translation>
    </message>
    <message>
        <source>SET YOUR STATUS</source>
        <translation>DEFINA SEU STATUS</translation>
    </message>
    <message>
        <source>PLAYING</source>
        <translation>JOGANDO</translation>
    </message>
    <message>
        <source>Search games</source>
        <translation>Buscar jogos</translation>
    </message>
    <message>
        <source>Search games or type one</source>
        <translation>Busque jogos ou digite um</translation>
    </message>
    <message>
        <source>Games</source>
        <translation>Jogos</translation>
    </message>
    <message>
        <source>{game} · recent</source>
        <translation>{game} · recente</translation>
    </message>
</context>
<context>
    <name>StreamerMode</name>
    <message>
        <source>STREAMER MODE</source>
        <extracomment>How often the process list is read while the automatic mode is on.</extracomment>
        <translation>MODO STREAMER</translation>
    </message>
    <message>
        <source>Email addresses, notification texts and message previews are hidden</source>
        <translation>Endereços de e-mail, textos de notificações e prévias de mensagens estão ocultos</translation>
    </message>
    <message>
        <source>Streamer mode</source>
        <translation>Modo streamer</translation>
    </message>
</context>
<context>
    <name>TournamentChatModel</name>
    <message>
        <source>  · sending…</source>
        <extracomment>Messages held at most. The message&apos;s sender id, and its state (&quot;sent&quot;, &quot;sending&quot;, &quot;failed&quot;).</extracomment>
        <translation>  · enviando…</translation>
    </message>
    <message>
        <source>  · not sent</source>
        <translation>  · não enviada</translation>
    </message>
</context>
<context>
    <name>TournamentChatPane</name>
    <message>
        <source>Tournament chat</source>
        <translation>Chat do torneio</translation>
    </message>
    <message>
        <source>Say something to everyone here</source>
        <translation>Diga algo para todo mundo aqui</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
</context>
<context>
    <name>TournamentPage</name>
    <message>
        <source>Bracket</source>
        <translation>Chave</translation>
    </message>
    <message>
        <source>Standings</source>
        <translation>Classificação</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Inscrever-se</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Desistir</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajustar</translation>
    </message>
    <message>
        <source>Show the whole bracket (0). Zoom: wheel, + and -; drag to pan.</source>
        <translation>Mostrar a chave inteira (0). Zoom: roda do mouse, + e -; arraste para mover.</translation>
    </message>
    <message>
        <source>PNG</source>
        <translation>PNG</translation>
    </message>
    <message>
        <source>Export the bracket as a picture</source>
        <translation>Exportar a chave como imagem</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>Export the standings as a table</source>
        <translation>Exportar a classificação como tabela</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Pairings</source>
        <translation>Confrontos</translation>
    </message>
    <message>
        <source>Players</source>
        <extracomment>The longest side of an exported bracket picture, in pixels. The chat pane&apos;s width beside the tabs, and the host console&apos;s beside the bracket. From this page width on the chat sits beside the bracket; narrower, it is a tab.</extracomment>
        <translation>Jogadores</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Carregando…</translation>
    </message>
    <message>
        <source>Registration open</source>
        <translation>Inscrições abertas</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Ao vivo</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Encerrado</translation>
    </message>
    <message>
        <source>Champion: {name}</source>
        <translation>Campeão: {name}</translation>
    </message>
    <message>
        <source>You are in</source>
        <translation>Você está dentro</translation>
    </message>
    <message>
        <source>Nobody has registered yet.</source>
        <translation>Ninguém se inscreveu ainda.</translation>
    </message>
    <message>
        <source>Could not export: {reason}</source>
        <translation>Não foi possível exportar: {reason}</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>Exportado para {path}</translation>
    </message>
</context>
<context>
    <name>TournamentPageModel</name>
    <message>
        <source>You are already registered.</source>
        <extracomment>Tables whose writes the host console makes (a refusal means: show the server&apos;s state).</extracomment>
        <translation>Você já está inscrito.</translation>
    </message>
    <message>
        <source>Registration is closed (the tournament started, or it is full).</source>
        <translation>As inscrições estão fechadas (o torneio começou ou está lotado).</translation>
    </message>
    <message>
        <source>The server refused: {reason}</source>
        <translation>O servidor recusou: {reason}</translation>
    </message>
    <message>
        <source>The server does not answer; try again when connected.</source>
        <translation>O servidor não responde; tente de novo quando estiver conectado.</translation>
    </message>
    <message>
        <source>This tournament does not exist any more.</source>
        <extracomment>Set once ``load`` has read the tournament and ``loaded`` was emitted.</extracomment>
        <translation>Este torneio não existe mais.</translation>
    </message>
    <message>
        <source>The tournament could not be loaded: {reason}</source>
        <translation>Não foi possível carregar o torneio: {reason}</translation>
    </message>
    <message>
        <source>You cannot withdraw any more: the tournament has started.</source>
        <translation>Não dá mais para desistir: o torneio já começou.</translation>
    </message>
    <message>
        <source>The server refused a change ({change}): {reason}. Showing what the server has.</source>
        <translation>O servidor recusou uma mudança ({change}): {reason}. Mostrando o que está no servidor.</translation>
    </message>
</context>
<context>
    <name>TournamentsModel</name>
    <message>
        <source>Tournaments could not be loaded yet; retrying.</source>
        <extracomment>Retries of the list while the server is away.</extracomment>
        <translation>Ainda não deu para carregar os torneios; tentando de novo.</translation>
    </message>
    <message>
        <source>Offline: the new tournament is saved and will be created when the server answers.</source>
        <translation>Offline: o novo torneio foi salvo e será criado quando o servidor responder.</translation>
    </message>
    <message>
        <source>The server refused {change}: {reason}</source>
        <translation>O servidor recusou {change}: {reason}</translation>
    </message>
</context>
<context>
    <name>TournamentsView</name>
    <message>
        <source>Tournaments</source>
        <translation>Torneios</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Novo</translation>
    </message>
    <message>
        <source>Create a tournament you host</source>
        <translation>Criar um torneio organizado por você</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>Show gfdesk</source>
        <extracomment>Rendered sizes of the badged icon; trays ask for 16 to 64 px. The badge shown (&quot;&quot; for none): the icon is drawn again only when it changes.</extracomment>
        <translation>Mostrar o gfdesk</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Sair</translation>
    </message>
    <message>
        <source>video call</source>
        <translation>chamada de vídeo</translation>
    </message>
    <message>
        <source>voice call</source>
        <translation>chamada de voz</translation>
    </message>
    <message>
        <source>{caller} — incoming {kind}</source>
        <translation>{caller} — {kind} recebida</translation>
    </message>
    <message>
        <source>Accept call</source>
        <translation>Atender chamada</translation>
    </message>
    <message>
        <source>Decline call</source>
        <translation>Recusar chamada</translation>
    </message>
    <message>
        <source>{app} — {caller} is calling</source>
        <translation>{app} — {caller} está ligando</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Incoming {kind}</source>
        <translation>Recebendo {kind}</translation>
    </message>
    <message>
        <source>{caller} is calling</source>
        <translation>{caller} está ligando</translation>
    </message>
    <message>
        <source>{app} — {count} unread</source>
        <translation>{app} — {count} não lidas</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Could not send {change}: {reason}</source>
        <translation>Não foi possível enviar {change}: {reason}</translation>
    </message>
    <message>
        <source>a change</source>
        <translation>uma alteração</translation>
    </message>
    <message>
        <source>Could not start the backend: {reason}</source>
        <translation>Não foi possível iniciar o backend: {reason}</translation>
    </message>
    <message>
        <source>Saved. Friends see it the next time their list loads.</source>
        <translation>Salvo. Seus amigos verão isso na próxima vez que a lista deles carregar.</translation>
    </message>
</context>
<context>
    <name>bracket</name>
    <message>
        <source>Grand final</source>
        <translation>Grande final</translation>
    </message>
    <message>
        <source>Grand final reset</source>
        <translation>Reset da grande final</translation>
    </message>
    <message>
        <source>Round {round}</source>
        <translation>Rodada {round}</translation>
    </message>
    <message>
        <source>Losers final</source>
        <translation>Final da chave inferior</translation>
    </message>
    <message>
        <source>Losers round {round}</source>
        <translation>Rodada {round} da chave inferior</translation>
    </message>
    <message>
        <source>Winners final</source>
        <translation>Final da chave superior</translation>
    </message>
    <message>
        <source>Winners semi-finals</source>
        <translation>Semifinais da chave superior</translation>
    </message>
    <message>
        <source>Winners quarter-finals</source>
        <translation>Quartas de final da chave superior</translation>
    </message>
    <message>
        <source>Winners round {round}</source>
        <translation>Rodada {round} da chave superior</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>Final</translation>
    </message>
    <message>
        <source>Semi-finals</source>
        <translation>Semifinais</translation>
    </message>
    <message>
        <source>Quarter-finals</source>
        <translation>Quartas de final</translation>
    </message>
    <message>
        <source>Winners round {round} match {position}</source>
        <translation>Rodada {round} da chave superior, partida {position}</translation>
    </message>
    <message>
        <source>Losers round {round} match {position}</source>
        <translation>Rodada {round} da chave inferior, partida {position}</translation>
    </message>
    <message>
        <source>Round {round} match {position}</source>
        <translation>Rodada {round}, partida {position}</translation>
    </message>
    <message>
        <source>Bye</source>
        <translation>Folga</translation>
    </message>
    <message>
        <source>Winner of {match}</source>
        <translation>Vencedor de {match}</translation>
    </message>
    <message>
        <source>Loser of {match}</source>
        <translation>Perdedor de {match}</translation>
    </message>
    <message>
        <source>Third place</source>
        <translation>Terceiro lugar</translation>
    </message>
</context>
<context>
    <name>callsettings</name>
    <message>
        <source>Automatic (the first camera; a test pattern if there is none)</source>
        <translation>Automático (a primeira câmera; um padrão de teste se não houver nenhuma)</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Padrão do sistema</translation>
    </message>
    <message>
        <source>No camera found: calls send a test pattern</source>
        <translation>Nenhuma câmera encontrada: as chamadas enviam um padrão de teste</translation>
    </message>
</context>
<context>
    <name>chat</name>
    <message>
        <source>Today</source>
        <extracomment>A sender&apos;s messages closer than this share one header. The longest message body, in characters: the composer stops here and the server refuses more (``messages_body_length_check`` in the hub and the migrations). Stored on the server (every message of others, and ours once confirmed). Ours, queued in the outbox, not confirmed yet (offline: until reconnect). Ours, refused by the server for good; can be retried.</extracomment>
        <translation>Hoje</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Ontem</translation>
    </message>
    <message>
        <source>Messages can be at most {limit} characters; this one has {length}. Shorten it by {excess}.</source>
        <translation>As mensagens podem ter no máximo {limit} caracteres; esta tem {length}. Encurte em {excess}.</translation>
    </message>
    <message>
        <source>{first} and {second} are typing...</source>
        <extracomment>At most one outgoing typing event per this many seconds. From this many typists on, the label counts instead of naming.</extracomment>
        <translation>{first} e {second} estão digitando...</translation>
    </message>
    <message>
        <source>{name} is typing...</source>
        <translation>{name} está digitando...</translation>
    </message>
</context>
<context>
    <name>config</name>
    <message>
        <source>--log-level must be one of {levels}</source>
        <extracomment>The profile built from --url/--anon-key or GFDESK_URL/GFDESK_ANON_KEY. ``[calls] signalling`` for call messages on Realtime (the default). What is wrong (``problem_text`` words it for the user). What was wrong with the settings, worded for the user; empty when all is well. STUN/TURN servers for calls; none: calls use host candidates only. The Socket.IO server that carries each call&apos;s messages; None: Realtime. The camera, microphone and speaker chosen for calls.</extracomment>
        <translation>--log-level deve ser um destes: {levels}</translation>
    </message>
    <message>
        <source>--url and --anon-key go together: give both</source>
        <translation>--url e --anon-key andam juntos: informe os dois</translation>
    </message>
    <message>
        <source>GFDESK_URL and GFDESK_ANON_KEY go together; ignoring the one given</source>
        <translation>GFDESK_URL e GFDESK_ANON_KEY andam juntas; a que foi informada será ignorada</translation>
    </message>
    <message>
        <source>no profile named {name} in {path}; known: {known}</source>
        <translation>nenhum perfil chamado {name} em {path}; conhecidos: {known}</translation>
    </message>
    <message>
        <source>{path}: profile {name} is not defined; using the demo</source>
        <translation>{path}: o perfil {name} não está definido; usando a demonstração</translation>
    </message>
    <message>
        <source>call settings</source>
        <extracomment>``save_calls(signalling=KEEP_SIGNALLING)``: leave the file&apos;s choice as it is.</extracomment>
        <translation>configurações de chamada</translation>
    </message>
    <message>
        <source>{path}: {reason}; cannot save {what}</source>
        <translation>{path}: {reason}; não foi possível salvar: {what}</translation>
    </message>
    <message>
        <source>{path}: {reason}; fix it before saving {what}</source>
        <translation>{path}: {reason}; corrija o arquivo antes de salvar: {what}</translation>
    </message>
    <message>
        <source>{path}: its [{table}] table could not be replaced safely; edit it by hand</source>
        <translation>{path}: a tabela [{table}] não pôde ser substituída com segurança; edite-a à mão</translation>
    </message>
    <message>
        <source>{where} {name} must be text; ignored</source>
        <translation>{where} {name} deve ser texto; ignorado</translation>
    </message>
    <message>
        <source>{name} cannot be a profile name</source>
        <translation>{name} não pode ser nome de perfil</translation>
    </message>
    <message>
        <source>a profile needs a URL and an anon key</source>
        <translation>um perfil precisa de uma URL e de uma anon key</translation>
    </message>
    <message>
        <source>a profile named {name} already exists</source>
        <translation>já existe um perfil chamado {name}</translation>
    </message>
    <message>
        <source>{path}: cannot be read ({reason}); using defaults</source>
        <translation>{path}: não pode ser lido ({reason}); usando os padrões</translation>
    </message>
    <message>
        <source>{path}: {reason}; using defaults (the file was left as it is)</source>
        <translation>{path}: {reason}; usando os padrões (o arquivo não foi alterado)</translation>
    </message>
    <message>
        <source>{path}: line {line}: [app] must be a table</source>
        <translation>{path}: linha {line}: [app] deve ser uma tabela</translation>
    </message>
    <message>
        <source>{path}: &apos;profiles&apos; must be a table of tables</source>
        <translation>{path}: &apos;profiles&apos; deve ser uma tabela de tabelas</translation>
    </message>
    <message>
        <source>{where}: this name is reserved or invalid; skipped</source>
        <translation>{where}: este nome é reservado ou inválido; ignorado</translation>
    </message>
    <message>
        <source>{where}: needs url and anon_key strings; skipped</source>
        <translation>{where}: precisa de url e anon_key como texto; ignorado</translation>
    </message>
    <message>
        <source>{where}: {reason}; skipped</source>
        <translation>{where}: {reason}; ignorado</translation>
    </message>
    <message>
        <source>{path}: line {line}: [calls] must be a table</source>
        <translation>{path}: linha {line}: [calls] deve ser uma tabela</translation>
    </message>
    <message>
        <source>{where} must be a list of tables; ignored</source>
        <translation>{where} deve ser uma lista de tabelas; ignorado</translation>
    </message>
    <message>
        <source>{where}: entry {number}: {reason}; skipped</source>
        <translation>{where}: entrada {number}: {reason}; ignorada</translation>
    </message>
    <message>
        <source>{where}: entry {number} keeps a TURN credential in plain text; save the server again in Settings &gt; Calls to move it to the system keyring</source>
        <translation>{where}: a entrada {number} guarda uma credencial TURN em texto puro; salve o servidor de novo em Configurações &gt; Chamadas para movê-la para o chaveiro do sistema</translation>
    </message>
    <message>
        <source>not a table</source>
        <translation>não é uma tabela</translation>
    </message>
    <message>
        <source>urls must be a URL or a list of URLs</source>
        <translation>urls deve ser uma URL ou uma lista de URLs</translation>
    </message>
    <message>
        <source>{url} is not a stun:, stuns:, turn: or turns: URL</source>
        <translation>{url} não é uma URL stun:, stuns:, turn: ou turns:</translation>
    </message>
    <message>
        <source>{url} needs a username and a credential</source>
        <translation>{url} precisa de um usuário e de uma credencial</translation>
    </message>
    <message>
        <source>username must be text</source>
        <translation>username deve ser texto</translation>
    </message>
    <message>
        <source>credential must be text</source>
        <translation>credential deve ser texto</translation>
    </message>
    <message>
        <source>{value} is neither {realtime} nor the http(s) URL of a Socket.IO server</source>
        <translation>{value} não é {realtime} nem a URL http(s) de um servidor Socket.IO</translation>
    </message>
    <message>
        <source>{where} must be text; using Realtime</source>
        <translation>{where} deve ser texto; usando o Realtime</translation>
    </message>
    <message>
        <source>{where}: {reason}; using Realtime</source>
        <translation>{where}: {reason}; usando o Realtime</translation>
    </message>
    <message>
        <source>{where}: {value} is not one of {levels}; ignored</source>
        <translation>{where}: {value} não é um de {levels}; ignorado</translation>
    </message>
    <message>
        <source>{url} is not an http(s) URL</source>
        <translation>{url} não é uma URL http(s)</translation>
    </message>
    <message>
        <source>desktop settings</source>
        <extracomment>The longest idle delay Settings offers (a day).</extracomment>
        <translation>configurações da área de trabalho</translation>
    </message>
    <message>
        <source>{value} is not one of {choices}</source>
        <extracomment>``[language] code`` that follows the system&apos;s locale. The languages gfdesk ships, by the code of their translation file.
----------
``[appearance] theme`` values; ``system`` follows the OS colour scheme.</extracomment>
        <translation>{value} não é um destes: {choices}</translation>
    </message>
    <message>
        <source>the language</source>
        <translation>idioma</translation>
    </message>
    <message>
        <source>the theme</source>
        <translation>tema</translation>
    </message>
</context>
<context>
    <name>conversations</name>
    <message>
        <source>Just you</source>
        <translation>Só você</translation>
    </message>
    <message>
        <source>{shown} and {extra} more</source>
        <translation>{shown} e mais {extra}</translation>
    </message>
</context>
<context>
    <name>fallbacknames</name>
    <message>
        <source>Unknown</source>
        <translation>Desconhecido</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>Alguém</translation>
    </message>
</context>
<context>
    <name>hubfinder</name>
    <message>
        <source>Looking for hubs on this network…</source>
        <translation>Procurando hubs nesta rede…</translation>
    </message>
    <message>
        <source>Hubs cannot be looked for here.</source>
        <translation>Não dá para procurar hubs aqui.</translation>
    </message>
    <message>
        <source>no TLS</source>
        <translation>sem TLS</translation>
    </message>
</context>
<context>
    <name>keycheck</name>
    <message>
        <source>This does not look like an anon key: it is either a JWT (three parts starting with eyJ) or starts with sb_publishable_.</source>
        <translation>Isto não parece uma anon key: ela é um JWT (três partes começando com eyJ) ou começa com sb_publishable_.</translation>
    </message>
    <message>
        <source>This is a secret key: it bypasses row-level security and must never be in a desktop app. Paste the project&apos;s anon (publishable) key instead.</source>
        <translation>Esta é uma chave secreta: ela ignora a segurança em nível de linha e nunca deve estar em um app de desktop. Cole a anon key (publishable) do projeto.</translation>
    </message>
    <message>
        <source>The anon key cannot contain spaces or line breaks.</source>
        <translation>A anon key não pode conter espaços nem quebras de linha.</translation>
    </message>
</context>
<context>
    <name>messagedelegate</name>
    <message>
        <source>message deleted</source>
        <translation>mensagem apagada</translation>
    </message>
    <message>
        <source> (edited)</source>
        <translation> (editada)</translation>
    </message>
</context>
<context>
    <name>requestsview</name>
    <message>
        <source>wants to be your friend</source>
        <translation>quer ser seu amigo</translation>
    </message>
    <message>
        <source>request sent</source>
        <translation>pedido enviado</translation>
    </message>
    <message>
        <source>already your friend</source>
        <translation>já é seu amigo</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>bloqueado</translation>
    </message>
</context>
<context>
    <name>signin</name>
    <message>
        <source>Sign in to GamerFlick</source>
        <translation>Entrar no GamerFlick</translation>
    </message>
    <message>
        <source>Create a GamerFlick account</source>
        <translation>Criar uma conta GamerFlick</translation>
    </message>
    <message>
        <source>No secure password store on this system: you will sign in again next time.</source>
        <extracomment>Hint under &quot;Remember me&quot; where no secure keyring exists.</extracomment>
        <translation>Nenhum cofre de senhas seguro neste sistema: você vai precisar entrar de novo da próxima vez.</translation>
    </message>
</context>
<context>
    <name>signinscreen</name>
    <message>
        <source>the embedded demo hub</source>
        <translation>o hub de demonstração embutido</translation>
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
        <translation>Escolher um jogo…</translation>
    </message>
</context>
<context>
    <name>tournament</name>
    <message>
        <source>Upcoming</source>
        <extracomment>The longest tournament chat message the composer sends. The longest tournament name and game the create form takes. The size choices of the create form (``max_participants``). Open: players register and withdraw; the host seeds. Started: the bracket is being played. Closed by the host; nothing changes any more.</extracomment>
        <translation>Em breve</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Ao vivo</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Encerrados</translation>
    </message>
    <message>
        <source>Single elimination</source>
        <translation>Eliminação simples</translation>
    </message>
    <message>
        <source>Double elimination</source>
        <translation>Eliminação dupla</translation>
    </message>
    <message>
        <source>Round robin</source>
        <translation>Pontos corridos</translation>
    </message>
    <message>
        <source>Swiss</source>
        <translation>Sistema suíço</translation>
    </message>
    <message>
        <source>Messages can be at most {limit} characters.</source>
        <translation>As mensagens podem ter no máximo {limit} caracteres.</translation>
    </message>
    <message>
        <source>The bracket could not be read: {reason}</source>
        <extracomment>Rows asking for a reload within this time make one reload. Chat messages held back at most while their senders&apos; names are read. A reload that fails (the server is away) is tried again after this long. In-progress scores of live matches, by match id. Reloads completed (tests and benchmarks wait on it).</extracomment>
        <translation>Não foi possível ler a chave: {reason}</translation>
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
        <translation>Ausente</translation>
    </message>
    <message>
        <source>Do not disturb</source>
        <translation>Não perturbe</translation>
    </message>
    <message>
        <source>In game</source>
        <translation>Em jogo</translation>
    </message>
    <message>
        <source>Invisible</source>
        <translation>Invisível</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Playing {game}</source>
        <extracomment>The statuses a user can choose (offline is not chosen, it is leaving).</extracomment>
        <translation>Jogando {game}</translation>
    </message>
</context>
<context>
    <name>view</name>
    <message>
        <source>Pick a conversation to start chatting.</source>
        <extracomment>Show the character count from this length on.</extracomment>
        <translation>Escolha uma conversa para começar a papear.</translation>
    </message>
    <message>
        <source>Editing your message · Enter to save · Esc to cancel</source>
        <translation>Editando sua mensagem · Enter para salvar · Esc para cancelar</translation>
    </message>
    <message>
        <source>Pick a tournament to follow its bracket live.</source>
        <translation>Escolha um torneio para acompanhar a chave ao vivo.</translation>
    </message>
</context>
<context>
    <name>wording</name>
    <message>
        <source>Test pattern (no camera found)</source>
        <translation>Padrão de teste (nenhuma câmera encontrada)</translation>
    </message>
    <message>
        <source>Test tone (no microphone found)</source>
        <extracomment>What the window says when there is no microphone and a tone is sent.</extracomment>
        <translation>Tom de teste (nenhum microfone encontrado)</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Boa</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Razoável</translation>
    </message>
    <message>
        <source>Poor</source>
        <translation>Ruim</translation>
    </message>
    <message>
        <source>Measuring</source>
        <translation>Medindo</translation>
    </message>
    <message>
        <source>Video call</source>
        <translation>Chamada de vídeo</translation>
    </message>
    <message>
        <source>Voice call</source>
        <translation>Chamada de voz</translation>
    </message>
    <message>
        <source>Calling {name}…</source>
        <translation>Ligando para {name}…</translation>
    </message>
    <message>
        <source>{name} is calling you</source>
        <translation>{name} está te ligando</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Call ended</source>
        <translation>Chamada encerrada</translation>
    </message>
    <message>
        <source>{name} hung up</source>
        <translation>{name} desligou</translation>
    </message>
    <message>
        <source>{name} declined the call</source>
        <translation>{name} recusou a chamada</translation>
    </message>
    <message>
        <source>You declined the call</source>
        <translation>Você recusou a chamada</translation>
    </message>
    <message>
        <source>No answer from {name}</source>
        <translation>{name} não atendeu</translation>
    </message>
    <message>
        <source>Missed call from {name}</source>
        <translation>Chamada perdida de {name}</translation>
    </message>
    <message>
        <source>{name} is in another call</source>
        <translation>{name} está em outra chamada</translation>
    </message>
    <message>
        <source>{name} cancelled the call</source>
        <translation>{name} cancelou a chamada</translation>
    </message>
    <message>
        <source>The call could not connect</source>
        <translation>Não foi possível conectar a chamada</translation>
    </message>
    <message>
        <source>The call ended: the other app sent something gfdesk cannot read</source>
        <translation>A chamada caiu: o outro app enviou algo que o gfdesk não consegue ler</translation>
    </message>
    <message>
        <source>Answered on another device</source>
        <translation>Atendida em outro dispositivo</translation>
    </message>
    <message>
        <source>{percent}% loss</source>
        <translation>{percent}% de perda</translation>
    </message>
</context>
</TS>
