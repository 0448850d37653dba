// Demo page only: shows what a host page receives from the widgets, and
// hands the diagnosis to <passerelle-orientation> (three lines a host
// page writes).
const result = document.getElementById('result');
const orientation = document.querySelector('passerelle-orientation');
document.addEventListener('passerelle:diagnosis-complete', (event) => {
  orientation.diagnosis = event.detail.diagnosis;
  document.getElementById('result-json').textContent = JSON.stringify(event.detail, null, 2);
  result.hidden = false;
});
