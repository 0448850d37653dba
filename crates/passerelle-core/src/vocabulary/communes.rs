//! The communes of France by name, and the communes each postal code
//! serves (communes — code officiel géographique; codes postaux).
//!
//! The table is data, not code: 34,875 communes, 335 KB gzipped in all,
//! too much to compile into the WebAssembly module that every page loads.
//! It ships as files of its own, one part per department
//! (`data/communes/<department>.txt`, about 3.5 KB gzipped each, made by
//! `cargo xtask communes` from La Poste's postal-code table as published
//! in the npm package `codes-postaux` and INSEE's commune names from
//! `@etalab/decoupage-administratif`; see `data/SOURCES.md`). Whoever runs
//! the core reads the parts it needs and gives them as a value:
//! [`Communes::with_part`]. The core never fetches anything.
//!
//! A part is UTF-8 text, one commune a line after a header line:
//!
//! ```text
//! # passerelle-communes 1 93
//! 93001→Aubervilliers→93300
//! ```
//!
//! (the INSEE code, the name, the postal codes separated by spaces, with
//! a tab, shown →, between). The part of a department holds its communes and every
//! commune, of any department, that one of its postal codes serves: the
//! part of a postal code's department ([`geo::department_of_postal_code`])
//! knows all the communes of that postal code, in the order of their
//! names.
//!
//! ```
//! use passerelle_core::communes::{Communes, PostalCommunes};
//!
//! let part = "# passerelle-communes 1 01\n\
//!             01053\tBourg-en-Bresse\t01000\n\
//!             01344\tSaint-Denis-lès-Bourg\t01000\n\
//!             01004\tAmbérieu-en-Bugey\t01500\n";
//! let communes = Communes::new().with_part(part).unwrap();
//! assert_eq!(communes.name("01053"), Some("Bourg-en-Bresse"));
//! match communes.of_postal_code("01000") {
//!     PostalCommunes::Several(list) => assert_eq!(list[1].name, "Saint-Denis-lès-Bourg"),
//!     other => panic!("{other:?}"),
//! }
//! assert!(matches!(communes.of_postal_code("01500"), PostalCommunes::One(c) if c.code == "01004"));
//! // The part of the Somme is not given: nothing is known of its postal codes.
//! assert_eq!(communes.of_postal_code("80000"), PostalCommunes::NotLoaded);
//! ```

use std::sync::Arc;

use crate::base::problem::Problem;
use crate::vocabulary::geo;

/// The first words of a part's header line; the department follows.
pub const PART_HEADER: &str = "# passerelle-communes 1 ";

/// The longest commune name accepted, in characters (the longest French
/// name has 45).
const MAX_NAME: usize = 100;

/// Communes and their names, as far as the parts given tell. Cheap to
/// clone (the table is shared); two tables are equal when they hold the
/// same communes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Communes(Arc<Table>);

/// Sorted lists rather than maps: the module then has no map code of
/// their types (each map type brings its own).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Table {
    /// The departments whose part was given, in code order.
    parts: Vec<&'static str>,
    /// Each commune's INSEE code and name, by code.
    names: Vec<(Box<str>, Box<str>)>,
    /// A postal code and a commune it serves, by postal code; a postal
    /// code's communes in the order of their names.
    postal: Vec<(Box<str>, Box<str>)>,
}

/// One commune: its INSEE code and its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Commune<'a> {
    pub code: &'a str,
    pub name: &'a str,
}

/// What the table says of a postal code's communes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PostalCommunes<'a> {
    /// The part of the postal code's department was not given (or the
    /// code is no department's): nothing is known.
    NotLoaded,
    /// No commune has this postal code.
    Unknown,
    /// The postal code serves this commune only.
    One(Commune<'a>),
    /// The postal code serves these communes, in the order of their names.
    Several(Vec<Commune<'a>>),
}

impl Communes {
    /// No commune known.
    pub fn new() -> Communes {
        Communes::default()
    }

    /// Reads parts (see the module documentation), reporting every part
    /// that cannot be read; `path` names where the parts were given
    /// (`$.communes`), each problem's path adding the part's position.
    pub fn from_parts<'t>(
        parts: impl IntoIterator<Item = &'t str>,
        path: &str,
    ) -> Result<Communes, Vec<Problem>> {
        let mut table = Table::default();
        let mut problems = Vec::new();
        for (i, text) in parts.into_iter().enumerate() {
            if let Err(problem) = table.add(text, &format!("{path}[{i}]")) {
                problems.push(problem);
            }
        }
        table.sort();
        if problems.is_empty() {
            Ok(Communes(Arc::new(table)))
        } else {
            Err(problems)
        }
    }

    /// These communes and those of one more part. A part that cannot be
    /// read is refused (`invalid_commune_part`, the line in the message)
    /// and nothing is added.
    pub fn with_part(&self, text: &str) -> Result<Communes, Problem> {
        let mut table = (*self.0).clone();
        table.add(text, "$")?;
        table.sort();
        Ok(Communes(Arc::new(table)))
    }

    /// The department a part is of, read from its header line; `None`
    /// when the text does not start like a part.
    pub fn department_of_part(text: &str) -> Option<&'static str> {
        let header = text.lines().next()?.strip_prefix(PART_HEADER)?;
        geo::DEPARTMENTS
            .iter()
            .find(|(code, _, _)| *code == header.trim_end())
            .map(|(code, _, _)| *code)
    }

    /// Whether nothing is known.
    pub fn is_empty(&self) -> bool {
        self.0.parts.is_empty()
    }

    /// Whether the part of `department` was given.
    pub fn has_part(&self, department: &str) -> bool {
        self.0.parts.contains(&department)
    }

    /// The departments whose part was given, in code order.
    pub fn parts(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.0.parts.iter().copied()
    }

    /// How many communes are known.
    pub fn len(&self) -> usize {
        self.0.names.len()
    }

    /// The name of the commune with this INSEE code, if its part was given.
    pub fn name(&self, code: &str) -> Option<&str> {
        let names = &self.0.names;
        let at = names.partition_point(|(listed, _)| &**listed < code);
        match names.get(at) {
            Some((listed, name)) if &**listed == code => Some(name),
            _ => None,
        }
    }

    /// The communes `postal_code` serves.
    pub fn of_postal_code(&self, postal_code: &str) -> PostalCommunes<'_> {
        let Some(department) = geo::department_of_postal_code(postal_code) else {
            return PostalCommunes::NotLoaded;
        };
        if !self.has_part(department) {
            return PostalCommunes::NotLoaded;
        }
        let postal = &self.0.postal;
        let start = postal.partition_point(|(listed, _)| &**listed < postal_code);
        let communes: Vec<Commune> = (postal[start..].iter())
            .take_while(|(listed, _)| &**listed == postal_code)
            .filter_map(|(_, code)| {
                Some(Commune {
                    code,
                    name: self.name(code)?,
                })
            })
            .collect();
        match communes.as_slice() {
            [] => PostalCommunes::Unknown,
            [one] => PostalCommunes::One(*one),
            _ => PostalCommunes::Several(communes),
        }
    }

    /// The communes of `department` (its part given), in the order of
    /// their names: what a person picks a commune from by its name.
    pub fn in_department(&self, department: &str) -> Vec<Commune<'_>> {
        let mut communes: Vec<Commune> = (self.0.names.iter())
            .filter(|(code, _)| geo::department_of_commune(code) == Some(department))
            .map(|(code, name)| Commune { code, name })
            .collect();
        communes.sort_by(|a, b| a.name.cmp(b.name).then(a.code.cmp(b.code)));
        communes
    }

    /// The communes of `department` called `name` (letter case aside,
    /// spaces around trimmed): one, or several homonyms, or none.
    pub fn named_in(&self, department: &str, name: &str) -> Vec<Commune<'_>> {
        let name = name.trim().to_lowercase();
        self.in_department(department)
            .into_iter()
            .filter(|commune| commune.name.to_lowercase() == name)
            .collect()
    }

    /// The part that tells the communes of `postal_code`: its department's.
    pub fn part_of_postal_code(postal_code: &str) -> Option<&'static str> {
        geo::department_of_postal_code(postal_code)
    }

    /// The part that names the commune `code`: its department's.
    pub fn part_of_commune(code: &str) -> Option<&'static str> {
        geo::department_of_commune(code)
    }
}

impl Table {
    /// Adds a part; on error, nothing of it.
    fn add(&mut self, text: &str, path: &str) -> Result<(), Problem> {
        let refused = |line: usize, what: &str| {
            Problem::new(
                "invalid_commune_part",
                path,
                format!("Line {line} of this commune part: {what}"),
            )
        };
        crate::base::limits::check_text(text).map_err(|problem| Problem {
            path: path.to_owned(),
            ..problem
        })?;
        let department = Communes::department_of_part(text).ok_or_else(|| {
            refused(
                1,
                &format!("a part starts with \"{PART_HEADER}\" and its department code."),
            )
        })?;
        let mut communes: Vec<(&str, &str, Vec<&str>)> = Vec::new();
        for (i, line) in text.lines().enumerate().skip(1) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut fields = line.split('\t');
            let (Some(code), Some(name), Some(postal), None) =
                (fields.next(), fields.next(), fields.next(), fields.next())
            else {
                return Err(refused(
                    i + 1,
                    "give the INSEE code, the name and the postal codes, with a tab between.",
                ));
            };
            if !geo::is_commune_code(code) {
                return Err(refused(
                    i + 1,
                    &format!("\"{code}\" is not an INSEE commune code."),
                ));
            }
            let name_ok = !name.trim().is_empty()
                && name.chars().count() <= MAX_NAME
                && !name.chars().any(char::is_control);
            if !name_ok {
                return Err(refused(
                    i + 1,
                    "the name is empty, too long or has control characters.",
                ));
            }
            let postal: Vec<&str> = postal.split(' ').filter(|code| !code.is_empty()).collect();
            if let Some(wrong) = postal.iter().find(|code| !geo::is_postal_code(code)) {
                return Err(refused(
                    i + 1,
                    &format!("\"{wrong}\" is not a postal code."),
                ));
            }
            if communes.len() >= crate::base::limits::MAX_LIST {
                return Err(refused(i + 1, "too many communes in one part."));
            }
            communes.push((code, name, postal));
        }
        if self.parts.contains(&department) {
            // Given already.
            return Ok(());
        }
        let at = self.parts.partition_point(|part| *part < department);
        self.parts.insert(at, department);
        for (code, name, postal) in communes {
            self.names.push((code.into(), name.into()));
            // A postal code's communes all come from its department's part,
            // in the order of that part: by name.
            for postal_code in postal {
                if geo::department_of_postal_code(postal_code) == Some(department) {
                    self.postal.push((postal_code.into(), code.into()));
                }
            }
        }
        Ok(())
    }

    /// Puts the lists in order after parts were added: stable, so that a
    /// postal code's communes keep the order of their part; a commune
    /// given by two parts is listed once.
    fn sort(&mut self) {
        crate::base::sort::sort_by(&mut self.names, |a, b| a.0.cmp(&b.0));
        self.names.dedup_by(|a, b| a.0 == b.0);
        crate::base::sort::sort_by(&mut self.postal, |a, b| a.0.cmp(&b.0));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const AIN: &str = "# passerelle-communes 1 01\n\
        01053\tBourg-en-Bresse\t01000\n\
        01344\tSaint-Denis-lès-Bourg\t01000\n\
        74109\tÉloise\t01200 74910\n";

    #[test]
    fn a_part_is_read_and_merged_once() {
        let communes = Communes::new().with_part(AIN).unwrap();
        assert!(communes.has_part("01") && !communes.has_part("74"));
        assert_eq!(communes.len(), 3);
        // A commune of another department that a postal code of the Ain serves.
        assert!(
            matches!(communes.of_postal_code("01200"), PostalCommunes::One(c) if c.name == "Éloise")
        );
        // 74910 is the Haute-Savoie's: its part was not given.
        assert_eq!(communes.of_postal_code("74910"), PostalCommunes::NotLoaded);
        assert_eq!(communes.of_postal_code("01990"), PostalCommunes::Unknown);
        assert_eq!(communes.of_postal_code("98000"), PostalCommunes::NotLoaded);
        let savoie = "# passerelle-communes 1 74\n74109\tÉloise\t01200 74910\n";
        let both = communes.with_part(savoie).unwrap();
        // Given twice, listed once.
        assert!(matches!(
            both.of_postal_code("01200"),
            PostalCommunes::One(_)
        ));
        assert!(matches!(
            both.of_postal_code("74910"),
            PostalCommunes::One(_)
        ));
        assert_eq!(
            Communes::from_parts([AIN, savoie], "$.communes").unwrap(),
            both
        );
    }

    #[test]
    fn a_damaged_part_is_refused_with_its_line() {
        for (text, line) in [
            ("01053\tBourg-en-Bresse\t01000\n", 1),
            ("# passerelle-communes 1 20\n", 1),
            ("# passerelle-communes 1 01\n01053\tBourg-en-Bresse\n", 2),
            (
                "# passerelle-communes 1 01\n0105\tBourg-en-Bresse\t01000\n",
                2,
            ),
            ("# passerelle-communes 1 01\n01053\t\t01000\n", 2),
            ("# passerelle-communes 1 01\n01053\tBourg\u{7}\t01000\n", 2),
            ("# passerelle-communes 1 01\n\n01053\tBourg\t1000\n", 3),
            (
                "# passerelle-communes 1 01\n01053\tBourg\t01000\textra\n",
                2,
            ),
        ] {
            let problem = Communes::new().with_part(text).unwrap_err();
            assert_eq!(problem.code, "invalid_commune_part", "{text:?}");
            assert!(
                problem.message.starts_with(&format!("Line {line} ")),
                "{text:?}: {problem}"
            );
        }
        let problems = Communes::from_parts([AIN, "nothing"], "$.communes").unwrap_err();
        assert_eq!(problems[0].path, "$.communes[1]");
    }
}

#[cfg(test)]
mod by_name {
    use super::*;

    #[test]
    fn a_commune_is_found_by_its_name_in_its_department() {
        let communes = Communes::new()
            .with_part(
                "# passerelle-communes 1 93\n93066\tSaint-Denis\t93200\n93008\tBobigny\t93000\n",
            )
            .unwrap();
        let names: Vec<&str> = communes
            .in_department("93")
            .iter()
            .map(|c| c.name)
            .collect();
        assert_eq!(names, ["Bobigny", "Saint-Denis"]);
        assert_eq!(communes.named_in("93", " saint-denis ")[0].code, "93066");
        assert!(communes.named_in("974", "Saint-Denis").is_empty());
    }
}
