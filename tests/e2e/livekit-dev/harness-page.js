// Runs inside Chromium next to livekit-client's UMD bundle (global `LivekitClient`). Each page is
// one participant; the test drives it through window.harness and reads what it recorded.
(() => {
  const { Room, RoomEvent, Track } = window.LivekitClient;
  const state = {
    room: undefined,
    received: [],
    disconnectReason: undefined,
    permissionChanges: 0,
    subscribed: [],
    errors: [],
  };

  async function join(url, token, options = {}) {
    // Default room options on purpose: the app uses the defaults (simulcast on, single PC).
    const room = new Room(options);
    state.room = room;
    room.on(RoomEvent.DataReceived, (payload, participant, _kind, topic) => {
      state.received.push({
        from: participant?.identity ?? null,
        topic: topic ?? null,
        text: new TextDecoder().decode(payload),
      });
    });
    room.on(RoomEvent.Disconnected, (reason) => {
      state.disconnectReason = reason;
    });
    room.on(RoomEvent.ParticipantPermissionsChanged, () => {
      state.permissionChanges++;
    });
    room.on(RoomEvent.TrackSubscribed, (track, pub, participant) => {
      state.subscribed.push({ identity: participant.identity, kind: track.kind, sid: pub.trackSid });
      // Audio must be attached to play and be counted as decoded by some browsers.
      if (track.kind === "audio") {
        const el = track.attach();
        el.muted = true;
        document.body.appendChild(el);
      }
    });
    const started = performance.now();
    await room.connect(url, token);
    return { sid: room.localParticipant.sid, connectMs: Math.round(performance.now() - started) };
  }

  async function publish({ audio = true, video = true, width, height } = {}) {
    const lp = state.room.localParticipant;
    if (audio) await lp.setMicrophoneEnabled(true);
    if (video)
      await lp.setCameraEnabled(true, width && height ? { resolution: { width, height } } : undefined);
    return [...lp.trackPublications.values()].map((p) => ({
      sid: p.trackSid,
      kind: p.kind,
      width: p.track?.mediaStreamTrack.getSettings().width ?? 0,
    }));
  }

  async function tryPublish() {
    try {
      await state.room.localParticipant.setMicrophoneEnabled(true);
      return { ok: true };
    } catch (error) {
      return { ok: false, error: String(error?.message ?? error) };
    }
  }

  async function sendData(text, { destinations, topic, reliable = true } = {}) {
    await state.room.localParticipant.publishData(new TextEncoder().encode(text), {
      reliable,
      topic,
      destinationIdentities: destinations,
    });
  }

  // What this participant receives from each remote participant: decoded audio samples and
  // decoded video frames, read from the receivers' own WebRTC statistics.
  async function media() {
    const out = {};
    for (const p of state.room.remoteParticipants.values()) {
      const entry = { audioSamples: 0, audioLevel: 0, videoFrames: 0, videoWidth: 0 };
      for (const pub of p.trackPublications.values()) {
        const track = pub.track;
        if (!track?.receiver) continue;
        const stats = await track.receiver.getStats();
        stats.forEach((s) => {
          if (s.type !== "inbound-rtp") return;
          if (s.kind === "audio") {
            entry.audioSamples += s.totalSamplesReceived ?? 0;
            entry.audioLevel = Math.max(entry.audioLevel, s.audioLevel ?? 0);
          }
          if (s.kind === "video") {
            entry.videoFrames += s.framesDecoded ?? 0;
            entry.videoWidth = Math.max(entry.videoWidth, s.frameWidth ?? 0);
          }
        });
      }
      out[p.identity] = entry;
    }
    return out;
  }

  function remoteIdentities() {
    return [...state.room.remoteParticipants.values()].map((p) => p.identity).sort();
  }

  function snapshot() {
    const lp = state.room?.localParticipant;
    return {
      state: state.room?.state,
      received: state.received,
      disconnectReason: state.disconnectReason,
      permissionChanges: state.permissionChanges,
      canPublish: lp?.permissions?.canPublish,
      metadata: state.room?.metadata,
      subscribed: state.subscribed,
      remoteInfo: [...(state.room?.remoteParticipants.values() ?? [])].map((p) => ({
        identity: p.identity,
        name: p.name,
        metadata: p.metadata,
        attributes: p.attributes,
        tracks: [...p.trackPublications.values()].map((t) => ({
          sid: t.trackSid,
          kind: t.kind,
          muted: t.isMuted,
        })),
      })),
    };
  }

  async function leave() {
    await state.room?.disconnect();
  }

  window.harness = { join, publish, tryPublish, sendData, media, remoteIdentities, snapshot, leave, Track };
})();
