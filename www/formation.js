// The training provider's page: the three widgets on their own, wired by
// the page (what a host writes), and a language switch.
const questions = document.getElementById('questions');
const help = document.getElementById('help');
const plan = document.getElementById('plan');
questions.addEventListener('passerelle:diagnosis-complete', (event) => {
  help.diagnosis = event.detail.diagnosis;
  plan.diagnosis = event.detail.diagnosis;
});

const texts = {
  fr: { title: 'Avant votre inscription : faisons le point', questions: '1. Vos réponses',
    help: '2. Les aides pour vous', plan: '3. Votre plan', other: 'English', otherLang: 'en' },
  en: { title: 'Before you enrol: let us take stock', questions: '1. Your answers',
    help: '2. Help for you', plan: '3. Your plan', other: 'Français', otherLang: 'fr' },
};
const language = document.getElementById('language');
language.addEventListener('click', () => {
  const lang = language.getAttribute('lang');
  const words = texts[lang];
  document.documentElement.lang = lang;
  for (const element of [questions, help, plan]) element.setAttribute('lang', lang);
  document.getElementById('title').textContent = words.title;
  document.getElementById('questions-title').textContent = words.questions;
  document.getElementById('help-title').textContent = words.help;
  document.getElementById('plan-title').textContent = words.plan;
  language.textContent = words.other;
  language.setAttribute('lang', words.otherLang);
});
