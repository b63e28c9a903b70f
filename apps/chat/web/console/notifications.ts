import { useState } from 'preact/hooks';
import { t } from './i18n/i18n';

const optInKey = 'helpgate.console.notify';

/** A short two-tone chime made in the browser, so nothing is fetched for it. */
function chime(): void {
  const audio = new AudioContext();
  [660, 880].forEach((frequency, index) => {
    const tone = audio.createOscillator();
    const volume = audio.createGain();
    tone.frequency.value = frequency;
    volume.gain.value = 0.08;
    tone.connect(volume).connect(audio.destination);
    tone.start(audio.currentTime + index * 0.18);
    tone.stop(audio.currentTime + index * 0.18 + 0.15);
  });
  setTimeout(() => void audio.close(), 1000);
}

/**
 * New-chat notifications, off until the agent turns them on: a chime and a desktop notification (where the browser
 * allows it) for each conversation entering the queue.
 */
export function useNotifications() {
  const [enabled, setEnabled] = useState(() => localStorage.getItem(optInKey) === 'on');
  const [blocked, setBlocked] = useState(false);

  return {
    enabled,
    blocked,
    async toggle(on: boolean) {
      localStorage.setItem(optInKey, on ? 'on' : 'off');
      setEnabled(on);
      if (on && 'Notification' in window && Notification.permission === 'default') {
        setBlocked((await Notification.requestPermission()) === 'denied');
      } else {
        setBlocked(on && 'Notification' in window && Notification.permission === 'denied');
      }
    },
    notify(preview: string) {
      if (!enabled) return;
      chime();
      if ('Notification' in window && Notification.permission === 'granted' && document.visibilityState !== 'visible') {
        new Notification(t('notify.title'), { body: t('notify.body', { preview }), tag: 'helpgate-queue' });
      }
    },
  };
}
