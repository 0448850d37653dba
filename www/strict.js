// Keeps the frame as tall as its content: the height comes from the
// frame page (frame.js), from this origin only, from this frame only. The
// page asks for it once listening, in case the frame spoke first.
const frame = document.getElementById('passerelle-frame');
window.addEventListener('message', (event) => {
  if (event.origin !== window.location.origin || event.source !== frame.contentWindow) return;
  const { type, height } = event.data ?? {};
  if (type === 'passerelle:height' && Number.isFinite(height) && height > 0) {
    frame.style.height = `${Math.ceil(height)}px`;
  }
});
const measure = () => frame.contentWindow?.postMessage({ type: 'passerelle:measure' }, window.location.origin);
frame.addEventListener('load', measure);
measure();
