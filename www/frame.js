// The iframe fallback page tells the page that shows it how tall it is,
// each time it changes, so that the frame never scrolls on its own. Only
// to a parent on the same origin (the host serves this page itself).
const send = () => {
  if (window.parent === window) return;
  window.parent.postMessage(
    { type: 'passerelle:height', height: document.documentElement.scrollHeight },
    window.location.origin,
  );
};
new ResizeObserver(send).observe(document.body);
send();
