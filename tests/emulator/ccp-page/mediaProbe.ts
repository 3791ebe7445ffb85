// The emulated CCP's softphone and ringtone, reduced to what can be observed: a ringtone played
// with WebAudio while a call rings, the microphone opened while a call is connected, and a 1 s
// heartbeat. The page reports them to the server so a test can prove a hidden CCP still works.

import { PAGE_PROBE_PATH, type PageMediaReport } from '../shared/pageProtocol.ts';

export interface MediaProbe {
  update(calls: { ringing: boolean; connected: boolean }): void;
}

export function startMediaProbe(pageId: string): MediaProbe {
  let beats = 0;
  let audio: AudioContext | null = null;
  let oscillator: OscillatorNode | null = null;
  let ringtone: PageMediaReport['ringtone'] = 'silent';
  let microphone = 'idle';
  let stream: MediaStream | null = null;

  const report = (): void => {
    const body: PageMediaReport = { pageId, at: new Date().toISOString(), visibility: document.visibilityState, ringtone, microphone, beats };
    void fetch(PAGE_PROBE_PATH, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).catch(() => undefined);
  };
  setInterval(() => {
    beats += 1;
    if (audio && oscillator) ringtone = audio.state === 'running' ? 'playing' : 'blocked';
    report();
  }, 1_000);

  const ring = (on: boolean): void => {
    if (on && !oscillator) {
      audio ??= new AudioContext();
      const gain = audio.createGain();
      gain.gain.value = 0.05;
      oscillator = audio.createOscillator();
      oscillator.frequency.value = 440;
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start();
      void audio.resume().catch(() => undefined);
      ringtone = audio.state === 'running' ? 'playing' : 'blocked';
    }
    if (!on && oscillator) {
      oscillator.stop();
      oscillator = null;
      ringtone = 'silent';
    }
  };

  const listen = (on: boolean): void => {
    if (on && !stream && microphone !== 'opening') {
      microphone = 'opening';
      navigator.mediaDevices
        .getUserMedia({ audio: true })
        .then((opened) => {
          stream = opened;
          microphone = opened.getAudioTracks().some((track) => track.readyState === 'live') ? 'live' : 'ended';
          report();
        })
        .catch((error: unknown) => {
          microphone = `error:${error instanceof DOMException ? error.name : 'unknown'}`;
          report();
        });
    }
    if (!on && stream) {
      stream.getTracks().forEach((track) => track.stop());
      stream = null;
      microphone = 'idle';
    }
  };

  return {
    update({ ringing, connected }) {
      ring(ringing);
      listen(connected);
      report();
    },
  };
}
