// Types of Passerelle's engine API (Engine, Diagnosis, Plan), shared by
// both entries: `passerelle.d.ts` (browser) and `node.d.ts` (Node). No DOM
// type is used here, so that a Node project compiles without the "dom" lib.
//
// Methods and options are camelCase (`createEngine`, `referenceDate`);
// the documents they take and give are the JSON formats documented in the
// repository's docs/ (questionnaire-format.md, catalogue-format.md,
// plan-format.md, facts.md) and in docs/js-api.md: snake_case, as the
// core writes them. Dates are strings `YYYY-MM-DD`.

// ---------------------------------------------------------------------------
// Common

/** A date written `YYYY-MM-DD` (`"2026-11-27"`). */
export type DateString = string;

/** A language Passerelle speaks. */
export type Locale = 'fr' | 'en';

/**
 * A language tag: `"fr"`, `"en"`, `"en-GB"`, `navigator.language`…; only
 * its first part counts, and one Passerelle does not speak is refused
 * (`unknown_locale`).
 */
export type LanguageTag = Locale | (string & {});

/** A text in each language: `{ fr: "…", en: "…" }`. */
export type LocalizedText = { [locale in Locale]?: string };

/** A catalogue text: French required. */
export interface CatalogueText {
  fr: string;
  en?: string;
}

/** How pressing a need is. */
export type Priority = 'urgent' | 'high' | 'normal';

/** One problem of an input: where (a JSON path), a stable code, and what. */
export interface ProblemDetail {
  /** JSON path into the input: `"$.entries[3].id"`, `"$.facts.age"`, `"$"`. */
  path: string;
  /** Stable code of the problem (`wrong_type`, `unknown_theme`…). */
  code: string;
  message: string;
}

// ---------------------------------------------------------------------------
// Facts (docs/facts.md)

export type EmploymentStatus =
  | 'employed' | 'jobseeker' | 'student' | 'in_training' | 'apprentice'
  | 'self_employed' | 'inactive' | 'retired';
export type Benefit = 'rsa' | 'ass' | 'aah' | 'are' | 'prime_activite';
export type Nationality = 'french' | 'eu' | 'non_eu';
export type Housing = 'owner' | 'tenant' | 'hosted' | 'emergency_shelter' | 'homeless' | 'other';
export type FrenchLevel = 'fluent' | 'basic' | 'none';
export type DigitalAutonomy = 'autonomous' | 'needs_help' | 'no_access';

/** What is known of a person. A fact that is not known is absent (never `null`). */
export interface Facts {
  birth_date?: DateString;
  /** 0–130. */
  age?: number;
  /** Five digits. */
  postal_code?: string;
  /** INSEE commune code (`"93066"`, `"2A004"`). */
  commune?: string;
  /** INSEE department code (`"93"`, `"2A"`, `"974"`). */
  department?: string;
  /** INSEE region code (`"11"`). */
  region?: string;
  employment_status?: EmploymentStatus;
  registered_jobseeker?: boolean;
  /** 0–600. */
  unemployment_months?: number;
  /** An empty list means: none of them. */
  benefits?: Benefit[];
  rqth?: boolean;
  /** 0–8. */
  qualification_level?: number;
  in_education?: boolean;
  nationality?: Nationality;
  residence_permit_work?: boolean;
  /** 0–100. */
  first_residence_permit_years?: number;
  housing?: Housing;
  /** 0–30. */
  children_count?: number;
  single_parent?: boolean;
  /** 0–30. */
  youngest_child_age?: number;
  driving_licence?: boolean;
  vehicle?: boolean;
  /** Euros a month, 0–1,000,000. */
  monthly_resources?: number;
  french_level?: FrenchLevel;
  digital_autonomy?: DigitalAutonomy;
  lives_in_qpv?: boolean;
  /** Worked, even a little, now or in the last 24 months. */
  worked_last_24_months?: boolean;
  /** How long registered at France Travail. */
  registered_duration?: 'under_12_months' | '12_to_23_months' | '24_months_or_more';
  /** What the person wants for work. */
  aspiration?: 'quick_return' | 'project_to_build' | 'not_now';
  /** Was in the care of child welfare (ASE) and left it. */
  left_child_welfare?: boolean;
  /** Each difficulty's impact on looking for or holding a job (the national scale). */
  difficulty_health?: DifficultyImpact;
  difficulty_housing?: DifficultyImpact;
  difficulty_mobility?: DifficultyImpact;
  difficulty_family?: DifficultyImpact;
  difficulty_money?: DifficultyImpact;
  difficulty_admin?: DifficultyImpact;
  difficulty_language?: DifficultyImpact;
  difficulty_digital?: DifficultyImpact;
}

/** "Impact fort", "impact modéré", "sans impact". */
export type DifficultyImpact = 'strong' | 'moderate' | 'none';

/** A fact's name. */
export type FactName = keyof Facts;

/** A fact's value. */
export type FactValue = boolean | number | string | string[];

// ---------------------------------------------------------------------------
// Conditions (eligibility rules and questionnaire conditions)

/** Where something is available, or where a person lives (INSEE codes). */
export interface Zone {
  national?: boolean;
  regions?: string[];
  departments?: string[];
  communes?: string[];
}

/** A condition: exactly one operator, and an optional label. */
export type Condition = ConditionTest & {
  /** The sentence shown in explanations instead of the generated one. */
  label?: LocalizedText;
};

export type ConditionTest =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { equals: { fact: FactName; value: boolean | number | string } }
  | { in: { fact: FactName; values: string[] } }
  | { has_any: { fact: FactName; values: string[] } }
  | { compare: { fact: FactName; op: '<' | '<=' | '>' | '>='; value: number } }
  | { between: { fact: FactName; min: number; max: number } }
  | { age: { min?: number; max?: number } }
  | { in_zone: Zone }
  /** Questionnaires only: the answer to an earlier question is one of `values`. */
  | { answer: { question: string; values: string[] } };

// ---------------------------------------------------------------------------
// Questionnaire (docs/questionnaire-format.md)

/** One answer a choice question offers. */
export interface ChoiceOption {
  id: string;
  label: LocalizedText;
  /** The value the option gives the question's fact instead of its id; `null`: none. */
  value?: boolean | number | string | null;
  /** Multiple choice only: cannot be chosen with other options. */
  exclusive?: boolean;
}

export interface YesNoKind { type: 'yes_no' }
export interface SingleChoiceKind { type: 'single_choice'; options: ChoiceOption[] }
export interface MultipleChoiceKind { type: 'multiple_choice'; options: ChoiceOption[] }
export interface NumberKind {
  type: 'number';
  /** Smallest accepted value (included). */
  min: number;
  /** Largest accepted value (included). */
  max: number;
  /** Shown after the field ("ans", "euros"). */
  unit?: LocalizedText;
}
export interface DateKind { type: 'date' }
export interface PostalCodeKind { type: 'postal_code' }
/**
 * The commune where the person lives, among those the postal code answered
 * before serves; asked only when it serves several. The answer is the
 * commune's INSEE code. `options` (the communes, by name) is given by
 * `Diagnosis.current()` and `Diagnosis.step()`, not by the questionnaire.
 */
export interface CommuneKind { type: 'commune'; options?: ChoiceOption[] }
export interface ShortTextKind {
  type: 'short_text';
  /** The most characters accepted (the engine gives 200 when the questionnaire does not say). */
  max_length: number;
}
export interface NeedRankingKind { type: 'need_ranking' }

/** What kind of answer a question takes, discriminated by `type`. */
export type QuestionKind =
  | YesNoKind | SingleChoiceKind | MultipleChoiceKind | NumberKind
  | DateKind | PostalCodeKind | CommuneKind | ShortTextKind | NeedRankingKind;

export type QuestionKindType = QuestionKind['type'];

/** A need a question raises when `when` is met. */
export interface NeedSignal {
  /** A data·inclusion theme or category. */
  theme: string;
  priority?: Priority;
  when: Condition;
}

/** An urgent alert a question raises when `when` is met. */
export interface UrgentSignal {
  alert: UrgentAlert;
  when: Condition;
}

/** A question whose kind is `K`. */
export interface QuestionOf<K extends QuestionKind> {
  id: string;
  kind: K;
  label: LocalizedText;
  help?: LocalizedText;
  /** The fact the answer sets. */
  sets?: FactName;
  ask_when?: Condition;
  /** Whether "I'd rather not say" is offered (`Diagnosis.skip`). */
  skippable?: boolean;
  needs?: NeedSignal[];
  urgent?: UrgentSignal[];
}

/** A question, discriminated by `kind.type`. */
export type Question =
  | QuestionOf<YesNoKind> | QuestionOf<SingleChoiceKind> | QuestionOf<MultipleChoiceKind>
  | QuestionOf<NumberKind> | QuestionOf<DateKind> | QuestionOf<PostalCodeKind>
  | QuestionOf<CommuneKind> | QuestionOf<ShortTextKind> | QuestionOf<NeedRankingKind>;

/**
 * An answer: `true`/`false` (yes/no), a whole number, a text (a choice's
 * option id, a date `YYYY-MM-DD`, a postal code, a short text), or a list
 * of option ids (multiple choice) or need themes (ranking, most important
 * first).
 */
export type AnswerValue = boolean | number | string | string[];

/** The answer value a kind of question takes. */
export type AnswerFor<T extends QuestionKindType> =
  T extends 'yes_no' ? boolean
  : T extends 'number' ? number
  : T extends 'multiple_choice' | 'need_ranking' ? string[]
  : string;

export interface Section {
  id: string;
  title: LocalizedText;
  questions: Question[];
}

/** A questionnaire, as `Engine.questionnaire()` gives it and `new Engine` takes it. */
export interface Questionnaire {
  format_version: 1;
  id: string;
  locales: Locale[];
  sections: Section[];
}

// ---------------------------------------------------------------------------
// Catalogue (docs/catalogue-format.md)

export type ServiceType =
  | 'accompagnement' | 'aide-financiere' | 'aide-materielle' | 'atelier' | 'formation' | 'information';
/** data·inclusion `personnes-mobilisatrices`. */
export type Mobiliser = 'usagers' | 'professionnels';
/** data·inclusion `modes-mobilisation`. */
export type MobilisationMode =
  | 'telephoner' | 'se-presenter' | 'utiliser-lien-mobilisation' | 'envoyer-un-courriel';

/** How to get in. */
export interface Access {
  through: Mobiliser[];
  modes: MobilisationMode[];
  phone?: string;
  email?: string;
  url?: string;
  details?: CatalogueText;
  /** Where to go, as a person reads it (data·inclusion `adresse`): 1–300 characters, one line. */
  address?: string;
  /** The opening hours in words ("Du lundi au vendredi, de 9 h à 12 h"). */
  hours?: CatalogueText;
  /** Walk in, by appointment, or both. */
  reception?: Reception;
  /** Open every day, weekends and public holidays included. */
  open_every_day?: boolean;
}

/** How a partner receives people: walk in, by appointment, or both. */
export type Reception = 'sans-rendez-vous' | 'sur-rendez-vous' | 'avec-ou-sans-rendez-vous';

/** A catalogue entry as written in a catalogue file. */
export interface CatalogueEntryInput {
  /** A slug: lowercase letters and digits joined by dashes. */
  id: string;
  name: CatalogueText;
  description: CatalogueText;
  kind: 'scheme' | 'service';
  types: ServiceType[];
  /** data·inclusion `thematiques`. */
  themes: string[];
  /** data·inclusion `publics`. */
  publics: string[];
  eligibility?: Condition;
  eligibility_notes?: CatalogueText;
  zone: Zone;
  access: Access;
  cost: 'gratuit' | 'payant';
  urgent?: boolean;
  documents?: CatalogueText[];
  valid_from?: DateString;
  valid_until?: DateString;
  /** From when (optional) and until when its amounts and ceilings hold: outside, "À vérifier". */
  figures_valid?: FiguresValid;
  /** An `https://` address. */
  source_url: string;
  last_verified: DateString;
}

/** A catalogue as written in a file (what `new Engine` and `loadCatalogue` take). */
export interface CatalogueInput {
  format_version: 1;
  id: string;
  name: string;
  fictional?: boolean;
  entries: CatalogueEntryInput[];
}

/** A catalogue entry as the engine gives it. */
export interface CatalogueEntry extends CatalogueEntryInput {
  urgent: boolean;
}

/** A catalogue as the engine gives it (`Engine.catalogue()`). */
export interface Catalogue extends CatalogueInput {
  fictional: boolean;
  entries: CatalogueEntry[];
}

/** What `Engine.loadCatalogue` returns. */
export interface CatalogueSummary {
  id: string;
  name: string;
  fictional: boolean;
  /** Entries in the catalogue in use. */
  entries: number;
  /** Entries of the local catalogue just loaded. */
  local_entries: number;
}

/** A data·inclusion v1 service record (the fields the import reads). */
export interface DataInclusionService {
  id?: string;
  source?: string;
  structure_id?: string;
  nom?: string;
  description?: string;
  type?: string;
  thematiques?: string[];
  publics?: string[];
  publics_precisions?: string | null;
  frais?: string;
  frais_precisions?: string | null;
  zone_eligibilite?: string[];
  mobilisable_par?: string[];
  modes_mobilisation?: string[];
  mobilisation_precisions?: string | null;
  telephone?: string | null;
  courriel?: string | null;
  lien_mobilisation?: string | null;
  lien_source?: string;
  conditions_acces?: string | null;
  date_maj?: DateString;
  [field: string]: unknown;
}

/** What `Engine.importDataInclusion` returns. */
export interface ImportedCatalogue {
  /** The entries made, as a catalogue ready for `loadCatalogue`. */
  catalogue: Catalogue;
  /** What was refused or not carried over (`record_not_imported`, `unmapped_zone_code`, `conditions_not_encoded`). */
  report: ProblemDetail[];
}

// ---------------------------------------------------------------------------
// Diagnosis session

/** How far the person is. */
export interface Progress {
  /** Questions answered or skipped. */
  answered: number;
  /** Questions in all as far as can be told now. */
  total: number;
  /** Questions in all at most. */
  at_most: number;
  /** About how many questions are left, the current one included; never grows from one question to the next. 0 at the end. */
  left: number;
  /** Whether the current question is the last one for sure. */
  last: boolean;
  /** The number of the current question's section (1 for the first); `null` at the end. */
  section: number | null;
  /** How many sections the questionnaire has. */
  sections: number;
}

/** What `Diagnosis.step()` returns. */
export interface Step {
  /** The question to ask now; `null` at the end. */
  question: Question | null;
  progress: Progress;
}

/** A session saved by `Diagnosis.snapshot()` (a JSON text of this shape). */
export interface SessionSnapshot {
  snapshot_version: 1;
  questionnaire_id: string;
  reference_date: DateString;
  asked: string[];
  answers: Record<string, AnswerValue>;
}

// ---------------------------------------------------------------------------
// Diagnosis result

export type UrgentAlert = 'shelter' | 'food' | 'violence' | 'child_in_danger' | 'medical_emergency';

/** The answer that raised a need or an alert (`answer` `null`: the question was skipped). */
export interface RaisedBy {
  question: string;
  answer: AnswerValue | null;
}

/** Someone to contact at once. */
export interface Contact {
  /** The number to call or text, if any. */
  phone: string | null;
  reach: 'call' | 'text_message' | 'visit';
  /** Who answers, in words, in the diagnosis's language. */
  name: string;
  /** The id of the national catalogue entry describing it, if any. */
  catalogue_entry: string | null;
  /** Whether reaching it costs nothing. */
  free: boolean;
  /** When it answers: every day and night, or at the place's opening hours (the CCAS). */
  hours: 'day_and_night' | 'opening_hours';
}

/** An urgent alert raised, with its contacts. */
export interface RaisedAlert {
  alert: UrgentAlert;
  /** What to tell the person, in the diagnosis's language. */
  text: string;
  contacts: Contact[];
  raised_by: RaisedBy[];
}

/** A need found by the diagnosis. */
export interface FoundNeed {
  /** A data·inclusion theme or category. */
  theme: string;
  /** The theme in words, in the diagnosis's language. */
  label: string;
  priority: Priority;
  /** The person's own rank (1 = most important), if given. */
  rank: number | null;
  raised_by: RaisedBy[];
}

/** The result of the diagnosis questionnaire (`Diagnosis.result()`). */
export interface DiagnosisResult {
  questionnaire_id: string;
  /** The day the answers speak of. */
  reference_date: DateString;
  /** What the answers say of the person, derived facts included. */
  facts: Facts;
  /** Urgent alerts, most pressing first. */
  urgent: RaisedAlert[];
  /** Needs: urgent first, then in the person's own order, then by priority. */
  needs: FoundNeed[];
  /** Whether the person put the needs in order. */
  ranked_by_person: boolean;
}

// ---------------------------------------------------------------------------
// Orientation

export type Eligibility = 'eligible' | 'undetermined' | 'ineligible';
/** `theme`: the entry addresses the need's very theme; `category`: another theme of its category. */
export type Fit = 'theme' | 'category';

/** A need as orientation takes it (`priority` defaults to `normal`). */
export interface NeedInput {
  /** A data·inclusion theme or category. */
  theme: string;
  priority?: Priority;
  /**
   * The urgent alerts raised with an urgent need, if known: an emergency
   * line some alert names is then proposed only when one of these names it
   * (the 119 for a child in danger, not for violence between adults).
   */
  alerts?: UrgentAlert[];
}

/** A need as orientation gives it back. */
export interface Need {
  theme: string;
  priority: Priority;
  /** The urgent alerts given with it, if any. */
  alerts?: UrgentAlert[];
}

/** Why one condition is met, not met or unknown. */
export interface Explanation {
  status: 'met' | 'not_met' | 'unknown';
  /** One sentence, quoting the person's value: "Avoir 16 ans ou plus : vous avez 19 ans". */
  text: string;
  /** For an `all`, `any` or `not`: its parts. */
  parts?: Explanation[];
}

/**
 * Whether an entry is aimed at people like the person, from its data·inclusion
 * `publics` read against the facts (docs/catalogue-format.md, "Publics").
 */
export type Audience = 'person' | 'unknown' | 'others';

/** One entry proposed for a need. */
export interface Proposal {
  id: string;
  status: Eligibility;
  fit: Fit;
  audience: Audience;
  /** An emergency line (`urgent` entry) of this urgent need. */
  emergency?: true;
  /** The key step of the person's situation: first. */
  key?: true;
  standing: Standing;
}

/**
 * Where an entry stands, in one word: `open_to_all` ("Ouvert à tous", no
 * condition) is not `entitled` ("Vous y avez droit", its conditions met);
 * `on_conditions`: undetermined with nothing left to ask, only conditions the
 * site cannot check ("À vérifier : …" in the explanation); `to_check` ("À vérifier"):
 * its conditions are met on figures past their `figures_valid` or on criteria not
 * verified for too long; `held`: the person has it.
 */
export type Standing = 'held' | 'open_to_all' | 'entitled' | 'on_conditions' | 'to_check' | 'undetermined' | 'ruled_out';

/** The period an entry's amounts and ceilings hold, both days included. */
export interface FiguresValid {
  from?: DateString;
  until: DateString;
}

/** An entry that serves a need but is shown elsewhere. */
export interface Pointer {
  id: string;
  /** The need (theme) it is proposed under; absent when the person has it. */
  need?: string;
  /** The person has it already: it is in `held`. */
  held?: true;
}

/** The proposals of one need. */
export interface NeedOrientation<P> {
  need: Need;
  /**
   * Best first: emergency lines, key steps, then by fit, public, certainty,
   * closeness and name; the ruled-out entries last. Each entry is proposed
   * once in the whole orientation, under the need it serves best.
   */
  proposals: P[];
  /** How many of `proposals` to show first (3, or every leading emergency line and key step). */
  shown_first: number;
  /** How many of `proposals`, at the end, are ruled out. */
  ruled_out: number;
}

/** The evaluation of one catalogue entry. */
export interface Evaluation {
  id: string;
  status: Eligibility;
  /** Facts whose knowledge could settle an undetermined status. */
  missing: FactName[];
  /** The person has it already (its `held_when` is met). */
  held?: true;
  /** Zone first, then each condition of the rule; absent when made with `explain: false`. */
  explanation?: Explanation[];
}

/** An orientation (`detailed: false`, the default). */
export interface Orientation {
  reference_date: DateString;
  /** Emergency contacts (entry ids), when a need is urgent. */
  urgent_contacts: string[];
  /** For each need, the entries that address it, best first, and those shown elsewhere. */
  needs: Array<NeedOrientation<Proposal> & { see_also?: Pointer[] }>;
  /** What the person has already (entry ids): never proposed. */
  held: string[];
  /** Every catalogue entry in force, in catalogue order. */
  evaluations: Evaluation[];
}

/** A proposal with everything a person needs to read. */
export interface DetailedProposal {
  id: string;
  /** In the engine's language. */
  name: string;
  description: string;
  status: Eligibility;
  fit: Fit;
  audience: Audience;
  emergency: boolean;
  key: boolean;
  /** `held`: "Vous l'avez déjà"; `open_to_all`: "Ouvert à tous" (and "gratuit" when `cost` is `gratuit`)… */
  standing: Standing;
  missing: FactName[];
  /** Empty when made with `explain: false`. */
  explanation: Explanation[];
  /** The entry's eligibility notes, in the engine's language. */
  notes?: string;
  urgent: boolean;
  cost: 'gratuit' | 'payant';
  access: Access;
  source_url: string;
  last_verified: DateString;
  /** The period its amounts and ceilings hold, when the catalogue dates them. */
  figures_valid?: FiguresValid;
  /** Its figures are not those of `reference_date`: say so with their dates. */
  figures_outdated?: true;
  /** Last verified longer ago than the catalogue's period (12 months by default): warn. */
  stale?: true;
}

/**
 * An orientation made with `explain: "on-demand"` (`detailed: false`): no
 * evaluation list; the ids of the entries found eligible and undetermined
 * instead (the others are ruled out), and `reasons`, a handle that gives
 * the evaluation and reasons of the entries a page shows.
 */
export interface OrientationOnDemand {
  reference_date: DateString;
  urgent_contacts: string[];
  needs: Array<NeedOrientation<Proposal> & { see_also?: Pointer[] }>;
  held: string[];
  /** Entry ids, in catalogue order (as `Engine.eligible`). */
  eligible: string[];
  undetermined: string[];
  /**
   * Not enumerable: `JSON.stringify`, a spread or `structuredClone` of the
   * orientation leave it out. Call `reasons.free()` when the page is done.
   */
  readonly reasons: Reasons;
}

/** An orientation made with `explain: "on-demand", detailed: true`: no reasons in it, a `Reasons` handle beside. */
export type DetailedOrientationOnDemand = DetailedOrientation & { readonly reasons: Reasons };

/** An orientation made with `detailed: true`. */
export interface DetailedOrientation {
  reference_date: DateString;
  urgent_contacts: DetailedProposal[];
  needs: Array<
    NeedOrientation<DetailedProposal> & {
      see_also: Array<{ id: string; name: string; need?: string; held: boolean }>;
    }
  >;
  /** What the person has already, for reference. */
  held: DetailedProposal[];
}

/** Options of `Diagnosis.orient`. */
export interface OrientOptions {
  /**
   * `true` (default): every condition of every entry in words; `false`:
   * none; `"on-demand"`: none in the result, and a `reasons` handle that
   * explains the entries a page shows, in the same words as `true`.
   */
  explain?: boolean | 'on-demand';
  /** Join the entries' names, access and sources (default `false`). */
  detailed?: boolean;
}

/** What `Engine.orient` takes. */
export interface OrientRequest extends OrientOptions {
  facts?: Facts;
  needs?: NeedInput[];
  /** Default: today. */
  referenceDate?: DateString;
}

/** What `Engine.eligible` takes: the facts, at a date (default: today). */
export interface EligibleRequest {
  facts?: Facts;
  referenceDate?: DateString;
}

/** The indicative pathway of the national orientation. */
export type Pathway = 'employment' | 'socio_professional' | 'social';

/** A body of the Réseau pour l'emploi that orients or follows a person. */
export type Organism = 'france_travail' | 'mission_locale' | 'cap_emploi' | 'departement';

/** Met, not met, or not known yet. */
export type CriterionStatus = 'met' | 'not_met' | 'unknown';

/** What `Engine.nationalOrientation` gives: indicative; the decision belongs to `decides`. */
export interface NationalOrientation {
  /** The version of the criteria. */
  version: string;
  /** Whether the person is in the orientation's scope. */
  concerned: CriterionStatus;
  pathway: Pathway | null;
  /** The pathways still possible while `pathway` is not settled. */
  possible: Pathway[];
  /** Everything is known and the rules do not choose: the adviser chooses. */
  undecided: boolean;
  /** Who would follow the person. */
  organism: Organism | null;
  /** Who decides the orientation. */
  decides: Organism | null;
  /** The criteria that gave the pathway and the bodies. */
  reasons: { criterion: string; status: CriterionStatus }[];
  /** The bodies the person may ask to be followed by. */
  hints: Organism[];
  /** The facts that would settle what is not settled yet. */
  missing: FactName[];
  /** The IAE pre-check. */
  iae: {
    criteria: {
      criterion: string;
      level: 1 | 2;
      status: CriterionStatus;
      /** No question asks it: the prescriber checks it. */
      to_check: boolean;
      /** How recent the proof must be, in months; null: valid on the day. */
      proof_months: number | null;
    }[];
    /** One level-1 criterion or three level-2, for an ACI, EI or EITI's own diagnosis. */
    aci_ei_eiti: CriterionStatus;
    /** One level-1 criterion or two level-2, for an AI or ETTI's own diagnosis. */
    ai_etti: CriterionStatus;
    missing: FactName[];
  };
  /** Its words in the engine's language; who decides, always last. */
  sentences: string[];
}

/** What `Engine.eligible` gives: entry ids, in catalogue order. */
export interface Matched {
  eligible: string[];
  undetermined: string[];
}

// ---------------------------------------------------------------------------
// Plan (docs/plan-format.md)

export type Author = 'person' | 'advisor';
export type Actor = 'person' | 'advisor' | 'partner';
export type ActionKind = 'contact_partner' | 'get_document' | 'attend_workshop' | 'apply' | 'appointment' | 'other';
export type ActionStatus = 'planned' | 'in_progress' | 'done' | 'on_hold' | 'dropped';
export type ObjectiveStatus = 'active' | 'achieved' | 'dropped';
export type Weekday = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';

/** How to reach the partner of an action, copied from the catalogue. */
export interface PartnerContact {
  name: string;
  phone?: string;
  email?: string;
  url?: string;
  details?: string;
}

/** One step of a plan. */
export interface Action {
  /** `a1`, `a2`…; in an `add_action` or `add_objective` edit, any text (the plan gives the id). */
  id: string;
  kind: ActionKind;
  /** 1 to 2,000 characters. */
  title: string;
  /** The catalogue entry it concerns. */
  entry?: string;
  contact?: PartnerContact;
  actor: Actor;
  due?: DateString;
  /** In a `change_action` edit, kept as it was (use `set_status`). */
  status: ActionStatus;
  notes?: string;
}

/** An objective: a need the person chose to work on, and its actions. */
export interface Objective {
  /** `o1`, `o2`…; in an `add_objective` edit, any text (the plan gives the id). */
  id: string;
  theme: string;
  priority: Priority;
  /** The objective in the person's own words. */
  statement?: string;
  status: ObjectiveStatus;
  actions: Action[];
}

/** A day, or part of a day (`from` and `to`, `HH:MM`), the person is not available each week. */
export interface Unavailable {
  day: Weekday;
  from?: string;
  to?: string;
}

/** The person's pace and availability. */
export interface Schedule {
  start: DateString;
  /** 1 to 7. */
  steps_per_week: number;
  unavailable?: Unavailable[];
}

/** How to reach the advisor, or the person. */
export interface ContactDetails {
  name: string;
  organisation?: string;
  phone?: string;
  email?: string;
}

/** A review point ("point d'étape"). */
export interface Review {
  date: DateString;
  done: string;
  stuck: string;
  changed: string;
  /** The facts as they are now; they replace the plan's. */
  facts?: Facts;
}

/** The person's consent to share with a partner (a catalogue entry). */
export interface Consent {
  entry: string;
  date: DateString;
}

/** One change to a plan, discriminated by `op`. */
export type Edit =
  | { op: 'built' }
  | { op: 'add_objective'; objective: Objective }
  | { op: 'set_statement'; objective: string; statement?: string | null }
  | { op: 'move_objective'; objective: string; position: number }
  | { op: 'set_objective_status'; objective: string; status: ObjectiveStatus }
  | { op: 'add_action'; objective: string; action: Action }
  | { op: 'change_action'; action: Action }
  | { op: 'move_action'; action: string; position: number }
  | { op: 'set_status'; action: string; status: ActionStatus }
  | { op: 'review'; review: Review }
  | { op: 'set_next_review'; date?: DateString | null }
  | { op: 'set_advisor'; advisor?: ContactDetails | null }
  | { op: 'set_person'; person?: ContactDetails | null }
  | { op: 'give_consent'; consent: Consent }
  | { op: 'withdraw_consent'; entry: string };

export type EditOp = Edit['op'];

/** A change as recorded in a plan's history (what `Plan.apply` returns). */
export interface Change {
  /** 1, 2, 3… */
  number: number;
  date: DateString;
  by: Author;
  /** The edit as applied: with the ids the plan gave. */
  edit: Edit;
}

/** A plan's value: its JSON (`Plan.value()`, `Plan.toJsonText()`, format version 2). */
export interface PlanValue {
  format_version: number;
  locale: Locale;
  schedule: Schedule;
  facts: Facts;
  /** Urgent needs first. */
  objectives: Objective[];
  /** The urgent alerts the diagnosis raised (their numbers stay on the plan and its print view); absent when none. */
  urgent?: UrgentAlert[];
  advisor?: ContactDetails;
  person?: ContactDetails;
  next_review?: DateString;
  reviews?: Review[];
  consents?: Consent[];
  /** Every change, in order; the first is `{op: "built"}`. */
  history: Change[];
  last_id: number;
}

/** The person's choices a plan is built from (`Diagnosis.buildPlan`). */
export interface Choices {
  /** Themes of needs found, in the person's order (urgent ones go first anyway). */
  needs: string[];
  /** For a need, the catalogue entries chosen among its orientation's proposals. */
  entries?: Record<string, string[]>;
  /** For a need, the objective in the person's words. */
  statements?: Record<string, string>;
  /** Default: from the diagnosis's reference date, two steps a week, any day. */
  schedule?: Schedule;
  /** The language of the texts the plan writes; default: the engine's. */
  locale?: Locale;
  /** Who builds it; default `advisor`. */
  by?: Author;
}

/** An action worth proposing at a review (`Plan.proposals`). */
export interface PlanProposal {
  /** The objective to add it to. */
  objective: string;
  /** Ready for an `add_action` edit (its `id` is `""`). */
  action: Action;
}

// ---------------------------------------------------------------------------
// Referral sheet and report

/** What a referral sheet includes or leaves out. */
export type ReferralPart =
  | 'consent' | 'needs' | 'actions' | 'advisor' | 'person' | 'other_objectives'
  | 'other_actions' | 'statements' | 'notes' | 'reviews' | 'next_review'
  | 'schedule' | 'other_consents' | 'history' | `facts:${FactName}`;

/** A referral sheet ("fiche de liaison") for one partner. */
export interface ReferralSheet {
  format_version: 1;
  locale: Locale;
  /** The day it was made. */
  date: DateString;
  /** `last_verified`: when its catalogue entry was last checked; `stale`: longer ago than the catalogue's period. */
  partner: { entry: string; name: string; last_verified: DateString; stale?: true };
  consent: Consent;
  needs: Array<{ theme: string; label: string; priority: Priority }>;
  actions: Array<{
    /** The theme of the action's objective. */
    need: string;
    kind: ActionKind;
    title: string;
    due?: DateString;
    status: ActionStatus;
    actor: Actor;
  }>;
  /** Only the facts the partner's rules need. */
  facts: Array<{ fact: FactName; value: FactValue | null; text: string }>;
  advisor?: ContactDetails;
  person?: ContactDetails;
  included: ReferralPart[];
  left_out: ReferralPart[];
}

/** A count in a report: a number of at least 5, or `"<5"` (suppressed). */
export type Count = number | '<5';

/** The anonymous report of fewer than 5 plans. */
export interface SuppressedReport {
  plans: '<5';
}

/** The anonymous report of 5 plans or more. */
export interface FullReport {
  plans: number;
  /** Plans by need theme. */
  needs: Record<string, Count>;
  /** Plans by catalogue entry with an action concerning it. */
  entries_proposed: Record<string, Count>;
  /** Plans by catalogue entry whose `contact_partner` action is done. */
  entries_contacted: Record<string, Count>;
  action_statuses: Record<ActionStatus, Count>;
  action_kinds: Record<ActionKind, Count>;
  objective_statuses: Record<ObjectiveStatus, Count>;
  reviews_per_plan: Record<'0' | '1' | '2' | '3' | '4' | '5' | '6+', Count>;
  /** Days between review points. */
  review_intervals:
    | { count: '<5' }
    | { count: number; median_days: number; min_days: number; max_days: number };
}

/** The anonymous report of plans (`Engine.report`). */
export type Report = SuppressedReport | FullReport;

// ---------------------------------------------------------------------------
// Errors

/** Codes of the errors a session refuses an answer with. */
export type AnswerErrorCode =
  | 'answer_required' | 'answer_not_a_number' | 'answer_out_of_range'
  | 'answer_unknown_option' | 'answer_repeated_option' | 'answer_exclusive_option'
  | 'answer_not_a_date' | 'answer_date_in_future' | 'answer_not_a_postal_code'
  | 'answer_too_long' | 'answer_not_a_need_found' | 'answer_date_too_early';

/** Every `code` the engine API throws with (docs/js-api.md, "Errors"). */
export type PasserelleErrorCode =
  // Arguments and conversion
  | 'invalid_argument' | 'input_too_large' | 'invalid_date' | 'no_date'
  | 'unknown_locale' | 'busy' | 'conversion_failed' | 'fetch_failed' | 'catalogue_not_loaded'
  // Values JSON would change, and objects used wrongly (docs/robustness.md,
  // "The JavaScript API against a hostile page")
  | 'not_a_number' | 'wrong_type' | 'not_unicode' | 'polluted_prototype'
  | 'wrong_receiver' | 'freed'
  // Inputs checked whole (every problem in `details`)
  | 'invalid_questionnaire' | 'invalid_catalogue' | 'invalid_records' | 'invalid_communes'
  | 'import_finished'
  | 'invalid_request' | 'invalid_facts' | 'invalid_plans'
  // Diagnosis session
  | AnswerErrorCode | 'not_current_question' | 'session_complete' | 'not_skippable'
  | 'snapshot_corrupted' | 'snapshot_future_version'
  | 'snapshot_other_questionnaire' | 'snapshot_inconsistent'
  // Limits (docs/robustness.md), thrown as such by resumeDiagnosis,
  // planFromJson; in `details` of the invalid_* codes elsewhere
  | 'document_too_large' | 'too_deep' | 'list_too_long' | 'text_too_long' | 'id_too_long'
  // Plan
  | 'no_need' | 'need_not_found' | 'unknown_entry' | 'unknown_objective'
  | 'unknown_action' | 'unknown_theme' | 'bad_position' | 'bad_pace' | 'bad_times' | 'bad_text'
  | 'date_before_last_change' | 'already_built' | 'facts_unreadable' | 'consent_in_future'
  | 'plan_corrupted' | 'plan_future_version'
  // Referral sheet
  | 'no_consent' | 'emergency_line';

/** What every method of Engine, Diagnosis and Plan throws: an `Error` with a stable code. */
export type PasserelleError = Error & {
  code: PasserelleErrorCode;
  /** Every problem found (inputs checked whole); often empty. */
  details: ProblemDetail[];
};

// ---------------------------------------------------------------------------
// The classes

/** Options of `new Engine(…)`. Documents may be given as objects or as JSON text. */
export interface EngineOptions {
  /** Default `"fr"`. */
  locale?: LanguageTag;
  /** Default: Passerelle's questionnaire, in French and every language loaded. */
  questionnaire?: Questionnaire | string;
  /** Default: the national catalogue. */
  catalogue?: CatalogueInput | string;
  /** Merged into the catalogue (an entry of the same id replaces it). */
  localCatalogue?: CatalogueInput | string;
  /**
   * The texts of the commune parts to know (the package's
   * `communes/<department>.txt`, as `loadCommunes` gives them): a postal
   * code of one commune then sets it, one of several asks which, and
   * places are named. Without, the commune question is left out and a
   * commune is told by its department. Throws `invalid_communes`.
   */
  communes?: string[];
}

/** `createEngine`'s options: those of `new Engine`, and URLs to fetch documents from. */
export interface FetchedEngineOptions extends EngineOptions {
  /** Fetched (without cookies) and used as `questionnaire`. */
  questionnaireUrl?: string;
  /** Fetched and used as `catalogue`. */
  catalogueUrl?: string;
  /** Fetched and used as `localCatalogue`. */
  localCatalogueUrl?: string;
}

/**
 * The orientation engine: a questionnaire, a catalogue and a language.
 * Every method throws a `PasserelleError`.
 */
export declare class Engine {
  constructor(options?: EngineOptions | null);
  /**
   * Frees the WebAssembly memory it holds; a method called after throws
   * `freed`. Freeing twice does nothing.
   */
  free(): void;
  /** The language of messages and texts. */
  locale(): Locale;
  /** Switches the language of this engine and of the sessions and plans it made. */
  setLocale(tag: LanguageTag): void;
  /** The questionnaire in use (adapted to the catalogue). */
  questionnaire(): Questionnaire;
  /** The catalogue in use. */
  catalogue(): Catalogue;
  /**
   * Checks a local catalogue and merges it into the engine's (replacing a
   * local catalogue loaded before). Throws `invalid_catalogue`.
   */
  loadCatalogue(local: CatalogueInput | string): CatalogueSummary;
  /** Imports data·inclusion service records. Throws `invalid_records`. */
  importDataInclusion(records: readonly DataInclusionService[] | string): ImportedCatalogue;
  /**
   * Starts an import of data·inclusion records in chunks (a department's
   * services, more than one 16 MiB document); its `finish()` loads the
   * entries into this engine.
   */
  startImport(): DataInclusionImport;
  /** Starts a diagnosis session; `referenceDate` defaults to today. */
  startDiagnosis(referenceDate?: DateString | null): Diagnosis;
  /** Resumes a session from `Diagnosis.snapshot()`. Throws `snapshot_*`. */
  resumeDiagnosis(snapshot: string | SessionSnapshot): Diagnosis;
  /**
   * Replays answers keyed by question id through a new session; the
   * replay stops at a question that needs an answer, or at an answer
   * refused, each reported in `problems`.
   */
  replayDiagnosis(
    answers: Readonly<Record<string, AnswerValue>>,
    referenceDate?: DateString | null,
  ): ReplayedDiagnosis;
  /**
   * Builds a plan from a diagnosis saved earlier (`Diagnosis.result()`,
   * or its JSON text). Throws `invalid_argument` and the codes of
   * `Diagnosis.buildPlan`.
   */
  buildPlan(diagnosis: DiagnosisResult | string, choices: Choices): Plan;
  /** Orients from facts given directly. Throws `invalid_request`. */
  orient(request: OrientRequest & { explain: 'on-demand'; detailed: true }): DetailedOrientationOnDemand;
  orient(request: OrientRequest & { explain: 'on-demand'; detailed?: false }): OrientationOnDemand;
  orient(request: OrientRequest & { explain?: boolean; detailed: true }): DetailedOrientation;
  orient(request: OrientRequest & { explain?: boolean; detailed?: false }): Orientation;
  orient(request: OrientRequest): Orientation | DetailedOrientation | OrientationOnDemand | DetailedOrientationOnDemand;
  /**
   * The ids of the entries the person is eligible for, and of those that
   * need more facts to say, in catalogue order. Throws `invalid_request`.
   */
  eligible(request: EligibleRequest): Matched;
  /**
   * The national orientation, indicative: the pathway, who would follow
   * the person, who decides, why, and the IAE pre-check. Throws
   * `invalid_request`.
   */
  nationalOrientation(request: EligibleRequest): NationalOrientation;
  /** Reads a plan exported before. Throws `plan_corrupted` or `plan_future_version`. */
  planFromJson(plan: string | PlanValue | Plan): Plan;
  /**
   * The anonymous report of plans; with `period`, of the plans followed
   * in it, their review points in it. Throws `invalid_plans`, or
   * `invalid_argument` for a period that ends before it starts.
   */
  report(plans: ReadonlyArray<Plan | PlanValue | string>, period?: ReportPeriod | null): Report;
  /**
   * The same report as CSV text: a header `section,key,label,value`, one
   * row per count in the report's order, a hidden count `<5`.
   */
  reportCsv(plans: ReadonlyArray<Plan | PlanValue | string>, period?: ReportPeriod | null): string;
  /**
   * The information sheet ("fiche pratique") of a catalogue entry as one
   * printable HTML page, in `lang` (the engine's language when left out),
   * its freshness as of `today` (today when left out). Throws
   * `unknown_entry` for an id the catalogue does not have.
   */
  entrySheet(entry: string, lang?: LanguageTag | null, today?: DateString | null): string;
}

/** A period of the report, both days included: `YYYY-MM-DD`. */
export interface ReportPeriod {
  from: string;
  to: string;
}

/** What `Engine.replayDiagnosis` gives. */
export interface ReplayedDiagnosis {
  /** The session, at the question where the replay stopped (or complete). */
  diagnosis: Diagnosis;
  /** Paths `$.answers.<question id>`, with their codes and messages. */
  problems: ProblemDetail[];
}

/**
 * A diagnosis session, one question at a time. Made by
 * `Engine.startDiagnosis`, `Engine.resumeDiagnosis` or
 * `Engine.replayDiagnosis`.
 */
export declare class Diagnosis {
  private constructor();
  free(): void;
  /** The question to ask now, or `null` at the end. */
  current(): Question | null;
  /** The question to ask now and the progress, worked out together. */
  step(): Step;
  /** Answers the current question `id` with a typed value. */
  answer(id: string, value: AnswerValue): void;
  /** Answers the current question `id` with what a form gives (`"yes"`, `"12"`, `"27/11/2026"`). */
  answerInput(id: string, input: string): void;
  /** Skips the current question `id`, if it is skippable. */
  skip(id: string): void;
  /** Goes back one question; `false` at the first. */
  back(): boolean;
  /** The answer given earlier to question `id`, or `null`. */
  previousAnswer(id: string): AnswerValue | null;
  /** The answers of the questions answered, by question id (for `Engine.replayDiagnosis`). */
  answers(): Record<string, AnswerValue>;
  progress(): Progress;
  /** Whether every question has an answer. */
  isComplete(): boolean;
  referenceDate(): DateString;
  /** The session as JSON text (a `SessionSnapshot`), for `Engine.resumeDiagnosis`. */
  snapshot(): string;
  /** The diagnosis the answers so far give. */
  result(): DiagnosisResult;
  /** The facts the answers so far set, derived facts included. */
  facts(): Facts;
  /** The themes of the needs found so far. */
  needsFound(): string[];
  /** Orients from the diagnosis so far. */
  orient(options: OrientOptions & { explain: 'on-demand'; detailed: true }): DetailedOrientationOnDemand;
  orient(options: OrientOptions & { explain: 'on-demand'; detailed?: false }): OrientationOnDemand;
  orient(options: OrientOptions & { explain?: boolean; detailed: true }): DetailedOrientation;
  orient(options?: (OrientOptions & { explain?: boolean; detailed?: false }) | null): Orientation;
  orient(options?: OrientOptions | null): Orientation | DetailedOrientation | OrientationOnDemand | DetailedOrientationOnDemand;
  /** Builds the plan from the diagnosis so far and the person's choices. */
  buildPlan(choices: Choices): Plan;
}

/** What `DataInclusionImport.add` says of one chunk. */
export interface ChunkReport {
  /** Records read in the chunk (lines not blank, or items). */
  records: number;
  /** Records of the chunk imported as entries. */
  imported: number;
  /**
   * What was refused or not carried over, each path placed by chunk and
   * line or item (`"chunk 3, line 12: $.id"`, `"chunk 2: $.items[7]"`):
   * `record_not_imported`, `unmapped_zone_code`, `conditions_not_encoded`,
   * `duplicate_id`, `invalid_json` (a line), `too_many_entries`.
   */
  report: ProblemDetail[];
}

/** A page of the data·inclusion API (`GET /api/v1/services`): only `items` is read. */
export interface DataInclusionPage {
  items: readonly DataInclusionService[];
  [field: string]: unknown;
}

/**
 * An import of data·inclusion records in chunks, made by
 * `Engine.startImport()`. At most 25,000 entries (`too_many_entries`).
 */
export declare class DataInclusionImport {
  private constructor();
  free(): void;
  /**
   * Adds a chunk of at most 16 MiB: JSON lines (text), a list of records or
   * a page (`{items}`), as text or as a value. Throws `invalid_records`
   * (nothing of the chunk imported) or `import_finished`.
   */
  add(chunk: string | readonly DataInclusionService[] | DataInclusionPage): ChunkReport;
  /**
   * Loads every chunk's entries into the engine as its local catalogue, as
   * `loadCatalogue` does, with no JSON between. Throws `import_finished`
   * when called twice.
   */
  finish(): CatalogueSummary & { report: ProblemDetail[] };
}

/**
 * The reasons of an orientation made with `explain: "on-demand"` (its
 * `reasons` property): it keeps the person's facts, the date, the language
 * and the catalogue of that orientation, and explains an entry only when
 * asked.
 */
export declare class Reasons {
  private constructor();
  free(): void;
  /**
   * The evaluations of the entries `ids`, in the order given, each with its
   * explanation, exactly as in the `evaluations` of `explain: true`.
   * Throws `unknown_entry` (each unknown id at `$[i]` in `details`) or
   * `invalid_argument`.
   */
  explain(ids: readonly string[]): Array<Evaluation & { explanation: Explanation[] }>;
}

/**
 * A personalised plan. Made by `Diagnosis.buildPlan` or
 * `Engine.planFromJson`.
 */
export declare class Plan {
  private constructor();
  free(): void;
  /** Applies an edit made `by` the person or the advisor on `date` (default: today). */
  apply(edit: Edit, by: Author, date?: DateString | null): Change;
  /** New actions worth proposing at a review, on `date` (default today) with `facts` (default the plan's). */
  proposals(date?: DateString | null, facts?: Facts | null): PlanProposal[];
  /** The plan as versioned JSON text. */
  toJsonText(): string;
  /** The plan as a JavaScript value shaped like its JSON. */
  value(): PlanValue;
  /** For `JSON.stringify(plan)`. */
  toJSON(): PlanValue;
  /** The actions still to do (planned or in progress), by due date. */
  nextSteps(): Action[];
  /** The plan as one printable HTML page, dated `today` (default: today). */
  printView(today?: DateString | null): string;
  /** The referral sheet for the partner of catalogue entry `entry`. Throws `no_consent`, `unknown_entry`, `emergency_line`. */
  referralSheet(entry: string, today?: DateString | null): ReferralSheet;
}
