// A GamerFlick web client's side of a call, on Chromium's own WebRTC (libwebrtc), with
// supabase-js: it follows DESIGN.md's call signalling exactly (rows on calls:{me},
// offer/answer/ice/media/hangup broadcasts on the private call:{id}), trickles its ICE
// candidates after the SDP, and reports the frames it decoded and encoded (getStats).
//
// Query: url, key, email, password, mode=call&target=<user id> | mode=answer, seconds.
// Sets window.gfReady once it listens for calls, window.gfResult when done.
"use strict";

const params = new URLSearchParams(location.search);
const mediaSeconds = Number(params.get("seconds") || "4");
window.gfLog = [];
const note = (text) => { window.gfLog.push(`${performance.now().toFixed(0)} ${text}`); };

function subscribed(channel) {
  return new Promise((resolve, reject) => {
    channel.subscribe((status, err) => {
      if (status === "SUBSCRIBED") resolve();
      else if (status === "CHANNEL_ERROR" || status === "TIMED_OUT") {
        reject(new Error(`${channel.topic}: ${status} ${err || ""}`));
      }
    });
  });
}

async function videoFrames(pc) {
  let decoded = 0, encoded = 0, width = 0, height = 0;
  (await pc.getStats()).forEach((s) => {
    if (s.type === "inbound-rtp" && s.kind === "video") {
      decoded += s.framesDecoded || 0;
      width = s.frameWidth || width;
      height = s.frameHeight || height;
    }
    if (s.type === "outbound-rtp" && s.kind === "video") encoded += s.framesEncoded || 0;
  });
  return { decoded, encoded, width, height };
}

async function main() {
  const sb = supabase.createClient(params.get("url"), params.get("key"));
  const { data, error } = await sb.auth.signInWithPassword({
    email: params.get("email"), password: params.get("password") });
  if (error) throw error;
  const me = data.user.id;
  await sb.realtime.setAuth(data.session.access_token);
  const stream = await navigator.mediaDevices.getUserMedia(
    { audio: true, video: { width: 320, height: 240 } });

  let onRow = () => {};
  const rows = sb.channel(`calls:${me}`, { config: { private: true } });
  for (const column of ["callee_id", "caller_id"]) {
    rows.on("postgres_changes",
            { event: "*", schema: "public", table: "calls", filter: `${column}=eq.${me}` },
            (change) => onRow(change.new));
  }
  await subscribed(rows);

  const pc = new RTCPeerConnection({ iceServers: [] });
  for (const track of stream.getTracks()) pc.addTrack(track, stream);
  let channel = null;
  const send = (event, payload) =>
    channel.send({ type: "broadcast", event, payload });
  const early = [];
  pc.onicecandidate = (e) => {
    // Trickled after the SDP, as libwebrtc does.
    if (e.candidate && e.candidate.candidate) send("ice", e.candidate.toJSON());
  };
  let hungUpBy = "";
  const connected = new Promise((resolve) => {
    pc.onconnectionstatechange = () => {
      note(`connection ${pc.connectionState}`);
      if (pc.connectionState === "connected") resolve();
    };
  });

  async function join(callId) {
    channel = sb.channel(`call:${callId}`,
                         { config: { private: true, broadcast: { self: false } } });
    channel.on("broadcast", { event: "offer" }, async ({ payload }) => {
      note("offer");
      await pc.setRemoteDescription(payload);
      for (const c of early.splice(0)) await pc.addIceCandidate(c);
      await pc.setLocalDescription(await pc.createAnswer());
      await send("answer", { type: "answer", sdp: pc.localDescription.sdp });
      await send("media", { audio: true, video: true });
    });
    channel.on("broadcast", { event: "answer" }, async ({ payload }) => {
      note("answer");
      await pc.setRemoteDescription(payload);
      for (const c of early.splice(0)) await pc.addIceCandidate(c);
    });
    channel.on("broadcast", { event: "ice" }, async ({ payload }) => {
      if (!payload.candidate) return;
      if (pc.remoteDescription) await pc.addIceCandidate(payload);
      else early.push(payload);
    });
    channel.on("broadcast", { event: "hangup" }, ({ payload }) => {
      hungUpBy = `remote (${payload.reason || ""})`;
    });
    await subscribed(channel);
  }

  let callId = null;
  if (params.get("mode") === "answer") {
    const ringing = new Promise((resolve) => {
      onRow = (row) => { if (row.callee_id === me && row.status === "ringing") resolve(row); };
    });
    window.gfReady = true;
    const row = await ringing;
    callId = row.id;
    note(`ringing ${callId}`);
    await join(callId);  // joined while the row still rings, then accepted
    const accepted = await sb.from("calls").update(
      { status: "accepted", answered_at: new Date().toISOString() })
      .eq("id", callId).eq("status", "ringing").select();
    if (accepted.error) throw accepted.error;
  } else {
    callId = crypto.randomUUID();
    const accepted = new Promise((resolve) => {
      onRow = (row) => { if (row.id === callId && row.status === "accepted") resolve(row); };
    });
    const placed = await sb.from("calls").insert(
      { id: callId, caller_id: me, callee_id: params.get("target"), kind: "video",
        status: "ringing" });
    if (placed.error) throw placed.error;
    await join(callId);
    window.gfReady = true;
    await accepted;
    note("accepted");
    await pc.setLocalDescription(await pc.createOffer());
    await send("offer", { type: "offer", sdp: pc.localDescription.sdp });
    await send("media", { audio: true, video: true });
  }

  await connected;
  await new Promise((resolve) => setTimeout(resolve, mediaSeconds * 1000));
  const frames = await videoFrames(pc);
  if (!hungUpBy) {
    await send("hangup", { reason: "done" });
    await sb.from("calls").update({ status: "ended", ended_at: new Date().toISOString() })
      .eq("id", callId).in("status", ["ringing", "accepted"]);
    hungUpBy = "browser";
  }
  pc.close();
  await sb.removeAllChannels();
  window.gfResult = { ok: frames.decoded > 0 && frames.encoded > 0, call_id: callId,
                      hung_up_by: hungUpBy, ...frames, log: window.gfLog };
}

main().catch((err) => {
  window.gfResult = { ok: false, error: String(err && (err.stack || err.message || err)),
                      log: window.gfLog };
});
