// Values the end-to-end tests give the widgets.

export const SHELTER = 'logement-hebergement--rechercher-une-solution-dhebergement-temporaire';
export const JOB = 'trouver-un-emploi';

/** A diagnosis result, as `passerelle:diagnosis-complete` carries it. */
export const diagnosis = {
  questionnaire_id: 'passerelle-default',
  reference_date: '2026-11-27',
  facts: { age: 23, postal_code: '93200', employment_status: 'jobseeker' },
  // Nowhere to sleep tonight: the alert that comes with the urgent need.
  urgent: [{ alert: 'shelter', raised_by: [{ question: 'sleep_tonight', answer: 'street' }] }],
  needs: [
    { theme: SHELTER, label: 'Hébergement', priority: 'urgent', rank: null, raised_by: [] },
    { theme: JOB, label: 'Emploi', priority: 'high', rank: null, raised_by: [] },
  ],
  ranked_by_person: false,
};

/** A registered jobseeker of 45 on the RSA with two children, who needs work and money. */
export const jobseekerOnRsa = {
  questionnaire_id: 'passerelle-default',
  reference_date: '2026-11-27',
  facts: {
    age: 45, postal_code: '57000', employment_status: 'jobseeker', registered_jobseeker: true,
    benefits: ['rsa'], children_count: 2, youngest_child_age: 8, single_parent: false,
    monthly_resources: 400, nationality: 'french', housing: 'tenant', rqth: false, qualification_level: 2,
  },
  urgent: [],
  needs: [
    { theme: JOB, label: 'Emploi', priority: 'high', rank: null, raised_by: [] },
    { theme: 'difficultes-financieres', label: 'Argent', priority: 'high', rank: null, raised_by: [] },
  ],
  ranked_by_person: false,
};
