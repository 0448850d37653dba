// Demo page only: shows what a host page receives from the widgets, and
// hands the diagnosis to <passerelle-orientation> and <passerelle-plan>
// (the lines a host page writes).
const result = document.getElementById('result');
const orientation = document.querySelector('passerelle-orientation');
const plan = document.querySelector('passerelle-plan');
document.addEventListener('passerelle:diagnosis-complete', (event) => {
  orientation.diagnosis = event.detail.diagnosis;
  plan.diagnosis = event.detail.diagnosis;
  document.getElementById('result-json').textContent = JSON.stringify(event.detail, null, 2);
  result.hidden = false;
});
