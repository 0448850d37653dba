// Demo page only: shows what a host page receives from the widget.
const result = document.getElementById('result');
document.addEventListener('passerelle:diagnosis-complete', (event) => {
  document.getElementById('result-json').textContent = JSON.stringify(event.detail, null, 2);
  result.hidden = false;
});
