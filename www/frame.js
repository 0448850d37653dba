// The iframe fallback page tells the page that shows it how tall it is,
// each time it changes and whenever the page asks (it may start listening
// after the last change), so that the frame never scrolls on its own.
// Only to and from a parent on the same origin (the host serves this page
// itself).
const send = () => {
  if (window.parent === window) return;
  window.parent.postMessage(
    { type: 'passerelle:height', height: document.documentElement.scrollHeight },
    window.location.origin,
  );
};
window.addEventListener('message', (event) => {
  if (event.origin === window.location.origin && event.source === window.parent
      && event.data?.type === 'passerelle:measure') {
    send();
  }
});
new ResizeObserver(send).observe(document.body);
send();
