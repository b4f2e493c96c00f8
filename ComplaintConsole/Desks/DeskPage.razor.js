// Keyboard shortcuts (by physical key, so they work on a Persian layout too) and the new-case beep.
const isTyping = (el) => el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.isContentEditable);
const focusSearch = () => { const s = document.getElementById('desk-search'); if (s) { s.focus(); s.select(); } };

export function attach(dotnet) {
    const handler = (e) => {
        if (!e.altKey) {
            if (e.key === '/' && !isTyping(e.target)) { e.preventDefault(); focusSearch(); }
            return;
        }
        const action = { KeyN: 'claim-next', KeyR: 'respond', KeyP: 'phone' }[e.code];
        if (e.code === 'KeyS') { e.preventDefault(); focusSearch(); return; }
        if (action) { e.preventDefault(); dotnet.invokeMethodAsync('Shortcut', action); }
    };
    document.addEventListener('keydown', handler);
    // Marks the page as listening (browser tests wait for it before pressing keys).
    document.body.dataset.shortcuts = 'on';
    return {
        dispose: () => {
            document.removeEventListener('keydown', handler);
            delete document.body.dataset.shortcuts;
        },
    };
}

export function getSound() { return localStorage.getItem('cc.desk.sound') === 'on'; }

export function setSound(on) { localStorage.setItem('cc.desk.sound', on ? 'on' : 'off'); }

let audio;
export function beep() {
    try {
        audio = audio || new (window.AudioContext || window.webkitAudioContext)();
        const osc = audio.createOscillator();
        const gain = audio.createGain();
        osc.type = 'sine';
        osc.frequency.value = 880;
        gain.gain.setValueAtTime(0.0001, audio.currentTime);
        gain.gain.exponentialRampToValueAtTime(0.2, audio.currentTime + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + 0.25);
        osc.connect(gain).connect(audio.destination);
        osc.start();
        osc.stop(audio.currentTime + 0.3);
    } catch { /* no audio device: the highlight is enough */ }
}
