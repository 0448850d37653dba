//! French geography codes from INSEE's official geographic code (*code
//! officiel géographique*, 2024 and later): the 18 regions, the 101
//! departments, and how a commune code or a postal code gives a department.
//!
//! These are the derivations of `docs/facts.md` ("Derived facts"):
//! `department` from `commune` ([`department_of_commune`]), else from
//! `postal_code` ([`department_of_postal_code`]), and `region` from
//! `department` ([`region_of_department`]). Everything is a static table
//! or a pure function; no function panics, whatever the input.
//!
//! Known limits:
//!
//! - A postal code is a La Poste code, not an INSEE code. The derivation
//!   uses its first digits (two, three overseas), which is right for almost
//!   every address, but a few postal codes serve communes across a
//!   department boundary and are then attributed to the wrong department.
//!   When the commune code is known, it is used instead: given the commune
//!   table ([`crate::vocabulary::communes`]), the commune of a postal code that serves
//!   one commune is known ([`crate::vocabulary::facts::Facts::resolve_in`]), and a
//!   postal code of several is followed by a question.
//! - Corsica's postal codes all start with `20`: `20000`–`20199` is taken
//!   as Corse-du-Sud (`2A`) and `20200`–`20999` as Haute-Corse (`2B`), the
//!   usual split.
//! - Saint-Barthélemy (`97133`) and Saint-Martin (`97150`) share
//!   Guadeloupe's `971` postal prefix but are not departments; neither are
//!   Saint-Pierre-et-Miquelon (`975`), the other overseas collectivities
//!   (`977`, `978`, `98x`) or Monaco (`980xx`). They give no department and
//!   so no region.
//! - Only departments are listed: the collectivities that the official
//!   geographic code also names (Collectivité européenne d'Alsace, Métropole
//!   de Lyon, Ville de Paris, Corsica's and some overseas single
//!   collectivities) keep the department codes used here (`67`/`68`, `69`,
//!   `75`, `2A`/`2B`, `972`, `973`, `976`).
//! - Names are INSEE's, with a straight apostrophe (`Côte-d'Or`).

/// The 18 current regions: `(INSEE region code, name)`, ordered by code.
pub const REGIONS: &[(&str, &str)] = &[
    ("01", "Guadeloupe"),
    ("02", "Martinique"),
    ("03", "Guyane"),
    ("04", "La Réunion"),
    ("06", "Mayotte"),
    ("11", "Île-de-France"),
    ("24", "Centre-Val de Loire"),
    ("27", "Bourgogne-Franche-Comté"),
    ("28", "Normandie"),
    ("32", "Hauts-de-France"),
    ("44", "Grand Est"),
    ("52", "Pays de la Loire"),
    ("53", "Bretagne"),
    ("75", "Nouvelle-Aquitaine"),
    ("76", "Occitanie"),
    ("84", "Auvergne-Rhône-Alpes"),
    ("93", "Provence-Alpes-Côte d'Azur"),
    ("94", "Corse"),
];

/// The 101 departments: `(INSEE department code, name, INSEE region code)`,
/// in INSEE order (`01`–`19`, `2A`, `2B`, `21`–`95`, `971`–`976`; there is
/// no `20` and no `975`).
pub const DEPARTMENTS: &[(&str, &str, &str)] = &[
    ("01", "Ain", "84"),
    ("02", "Aisne", "32"),
    ("03", "Allier", "84"),
    ("04", "Alpes-de-Haute-Provence", "93"),
    ("05", "Hautes-Alpes", "93"),
    ("06", "Alpes-Maritimes", "93"),
    ("07", "Ardèche", "84"),
    ("08", "Ardennes", "44"),
    ("09", "Ariège", "76"),
    ("10", "Aube", "44"),
    ("11", "Aude", "76"),
    ("12", "Aveyron", "76"),
    ("13", "Bouches-du-Rhône", "93"),
    ("14", "Calvados", "28"),
    ("15", "Cantal", "84"),
    ("16", "Charente", "75"),
    ("17", "Charente-Maritime", "75"),
    ("18", "Cher", "24"),
    ("19", "Corrèze", "75"),
    ("2A", "Corse-du-Sud", "94"),
    ("2B", "Haute-Corse", "94"),
    ("21", "Côte-d'Or", "27"),
    ("22", "Côtes-d'Armor", "53"),
    ("23", "Creuse", "75"),
    ("24", "Dordogne", "75"),
    ("25", "Doubs", "27"),
    ("26", "Drôme", "84"),
    ("27", "Eure", "28"),
    ("28", "Eure-et-Loir", "24"),
    ("29", "Finistère", "53"),
    ("30", "Gard", "76"),
    ("31", "Haute-Garonne", "76"),
    ("32", "Gers", "76"),
    ("33", "Gironde", "75"),
    ("34", "Hérault", "76"),
    ("35", "Ille-et-Vilaine", "53"),
    ("36", "Indre", "24"),
    ("37", "Indre-et-Loire", "24"),
    ("38", "Isère", "84"),
    ("39", "Jura", "27"),
    ("40", "Landes", "75"),
    ("41", "Loir-et-Cher", "24"),
    ("42", "Loire", "84"),
    ("43", "Haute-Loire", "84"),
    ("44", "Loire-Atlantique", "52"),
    ("45", "Loiret", "24"),
    ("46", "Lot", "76"),
    ("47", "Lot-et-Garonne", "75"),
    ("48", "Lozère", "76"),
    ("49", "Maine-et-Loire", "52"),
    ("50", "Manche", "28"),
    ("51", "Marne", "44"),
    ("52", "Haute-Marne", "44"),
    ("53", "Mayenne", "52"),
    ("54", "Meurthe-et-Moselle", "44"),
    ("55", "Meuse", "44"),
    ("56", "Morbihan", "53"),
    ("57", "Moselle", "44"),
    ("58", "Nièvre", "27"),
    ("59", "Nord", "32"),
    ("60", "Oise", "32"),
    ("61", "Orne", "28"),
    ("62", "Pas-de-Calais", "32"),
    ("63", "Puy-de-Dôme", "84"),
    ("64", "Pyrénées-Atlantiques", "75"),
    ("65", "Hautes-Pyrénées", "76"),
    ("66", "Pyrénées-Orientales", "76"),
    ("67", "Bas-Rhin", "44"),
    ("68", "Haut-Rhin", "44"),
    ("69", "Rhône", "84"),
    ("70", "Haute-Saône", "27"),
    ("71", "Saône-et-Loire", "27"),
    ("72", "Sarthe", "52"),
    ("73", "Savoie", "84"),
    ("74", "Haute-Savoie", "84"),
    ("75", "Paris", "11"),
    ("76", "Seine-Maritime", "28"),
    ("77", "Seine-et-Marne", "11"),
    ("78", "Yvelines", "11"),
    ("79", "Deux-Sèvres", "75"),
    ("80", "Somme", "32"),
    ("81", "Tarn", "76"),
    ("82", "Tarn-et-Garonne", "76"),
    ("83", "Var", "93"),
    ("84", "Vaucluse", "93"),
    ("85", "Vendée", "52"),
    ("86", "Vienne", "75"),
    ("87", "Haute-Vienne", "75"),
    ("88", "Vosges", "44"),
    ("89", "Yonne", "27"),
    ("90", "Territoire de Belfort", "27"),
    ("91", "Essonne", "11"),
    ("92", "Hauts-de-Seine", "11"),
    ("93", "Seine-Saint-Denis", "11"),
    ("94", "Val-de-Marne", "11"),
    ("95", "Val-d'Oise", "11"),
    ("971", "Guadeloupe", "01"),
    ("972", "Martinique", "02"),
    ("973", "Guyane", "03"),
    ("974", "La Réunion", "04"),
    ("976", "Mayotte", "06"),
];

/// The canonical code (from [`DEPARTMENTS`]) equal to `code`, if any.
fn canonical_department(code: &str) -> Option<&'static str> {
    DEPARTMENTS
        .iter()
        .find(|(c, _, _)| *c == code)
        .map(|(c, _, _)| *c)
}

/// Where a department is in [`DEPARTMENTS`] (below 128).
pub fn department_position(code: &str) -> Option<usize> {
    DEPARTMENTS.iter().position(|(c, _, _)| *c == code)
}

/// Where a region is in [`REGIONS`] (below 32).
pub fn region_position(code: &str) -> Option<usize> {
    REGIONS.iter().position(|(c, _)| *c == code)
}

const _: () = assert!(DEPARTMENTS.len() <= 128 && REGIONS.len() <= 32);

/// Whether `code` is one of the 18 INSEE region codes of [`REGIONS`]
/// (exact match: `"11"`, not `"011"` nor `" 11"`).
pub fn is_region(code: &str) -> bool {
    REGIONS.iter().any(|(c, _)| *c == code)
}

/// Whether `code` is one of the 101 INSEE department codes of
/// [`DEPARTMENTS`]: `01`–`95` without `20`, `2A`, `2B`, `971`–`974`, `976`
/// (exact match, upper case).
pub fn is_department(code: &str) -> bool {
    canonical_department(code).is_some()
}

/// The INSEE region code of a department, or `None` when `department` is
/// not a department code.
///
/// ```
/// use passerelle_core::geo::region_of_department;
///
/// assert_eq!(region_of_department("93"), Some("11")); // Île-de-France
/// assert_eq!(region_of_department("69"), Some("84")); // Auvergne-Rhône-Alpes
/// assert_eq!(region_of_department("2A"), Some("94")); // Corse
/// assert_eq!(region_of_department("976"), Some("06")); // Mayotte
/// assert_eq!(region_of_department("975"), None); // Saint-Pierre-et-Miquelon
/// assert_eq!(region_of_department("20"), None);
/// ```
pub fn region_of_department(department: &str) -> Option<&'static str> {
    DEPARTMENTS
        .iter()
        .find(|(c, _, _)| *c == department)
        .map(|(_, _, region)| *region)
}

/// Whether `code` has the shape of an INSEE commune code: five ASCII
/// digits, or `2A`/`2B` followed by three ASCII digits. Only the shape is
/// checked: `20004` or `98000` pass, but give no department.
pub fn is_commune_code(code: &str) -> bool {
    match code.as_bytes() {
        [a, b, rest @ ..] if rest.len() == 3 && rest.iter().all(u8::is_ascii_digit) => {
            (a.is_ascii_digit() && b.is_ascii_digit()) || (*a == b'2' && matches!(b, b'A' | b'B'))
        }
        _ => false,
    }
}

/// Whether `code` has the shape of a French postal code: exactly five ASCII
/// digits.
pub fn is_postal_code(code: &str) -> bool {
    code.len() == 5 && code.bytes().all(|b| b.is_ascii_digit())
}

/// The department of a commune, from its INSEE code: the first three
/// characters for `97xxx` (`97411` → `974`), the first two otherwise
/// (`93066` → `93`, `2A004` → `2A`).
///
/// `None` when `commune` is not shaped like a commune code or when its
/// prefix is not a department: `20xxx` (Corsican communes start with `2A`
/// or `2B`), overseas collectivities (`975xx`, `977xx`, `978xx`, `98xxx`).
pub fn department_of_commune(commune: &str) -> Option<&'static str> {
    if !is_commune_code(commune) {
        return None;
    }
    // The code is ASCII here, so every byte index is a char boundary.
    let prefix = if commune.starts_with("97") {
        commune.get(..3)?
    } else {
        commune.get(..2)?
    };
    canonical_department(prefix)
}

/// The department of a postal code (exactly five ASCII digits), from its
/// first digits:
///
/// - `20000`–`20199` → `2A` (Corse-du-Sud), `20200`–`20999` → `2B`
///   (Haute-Corse);
/// - `971xx`, `972xx`, `973xx`, `974xx`, `976xx` → the three-digit overseas
///   department, except Saint-Barthélemy (`97133`) and Saint-Martin
///   (`97150`) → `None`;
/// - otherwise the first two digits, when they are a department.
///
/// `None` for a malformed code and for codes outside the departments:
/// `00xxx`, `975xx` (Saint-Pierre-et-Miquelon), `977xx`, `978xx`, Monaco
/// (`980xx`) and other `98xxx`. A few postal codes serve communes across a
/// department boundary: this uses the first digits regardless (see the
/// module documentation).
///
/// ```
/// use passerelle_core::geo::department_of_postal_code;
///
/// assert_eq!(department_of_postal_code("93200"), Some("93"));
/// assert_eq!(department_of_postal_code("20167"), Some("2A"));
/// assert_eq!(department_of_postal_code("20600"), Some("2B"));
/// assert_eq!(department_of_postal_code("97411"), Some("974"));
/// assert_eq!(department_of_postal_code("97133"), None); // Saint-Barthélemy
/// assert_eq!(department_of_postal_code("98000"), None); // Monaco
/// assert_eq!(department_of_postal_code("9320"), None);
/// ```
pub fn department_of_postal_code(postal_code: &str) -> Option<&'static str> {
    if !is_postal_code(postal_code) {
        return None;
    }
    // Five ASCII digits from here on: byte indexing is safe.
    let bytes = postal_code.as_bytes();
    match (bytes[0], bytes[1]) {
        (b'2', b'0') => canonical_department(if bytes[2] < b'2' { "2A" } else { "2B" }),
        (b'9', b'7') => match postal_code {
            "97133" | "97150" => None,
            _ => canonical_department(postal_code.get(..3)?),
        },
        _ => canonical_department(postal_code.get(..2)?),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn region_table_has_18_unique_codes_and_names() {
        assert_eq!(REGIONS.len(), 18);
        let codes: BTreeSet<_> = REGIONS.iter().map(|(code, _)| *code).collect();
        let names: BTreeSet<_> = REGIONS.iter().map(|(_, name)| *name).collect();
        assert_eq!(codes.len(), 18);
        assert_eq!(names.len(), 18);
        let expected = [
            "01", "02", "03", "04", "06", "11", "24", "27", "28", "32", "44", "52", "53", "75",
            "76", "84", "93", "94",
        ];
        assert_eq!(codes, expected.into_iter().collect());
    }

    #[test]
    fn department_table_has_101_unique_codes_in_known_regions() {
        assert_eq!(DEPARTMENTS.len(), 101);
        let codes: BTreeSet<_> = DEPARTMENTS.iter().map(|(code, _, _)| *code).collect();
        let names: BTreeSet<_> = DEPARTMENTS.iter().map(|(_, name, _)| *name).collect();
        assert_eq!(codes.len(), 101);
        assert_eq!(names.len(), 101);
        for (code, _, region) in DEPARTMENTS {
            assert!(is_region(region), "{code} is in unknown region {region}");
            assert!(is_department(code));
            assert_eq!(region_of_department(code), Some(*region));
        }
        for (region, _) in REGIONS {
            assert!(
                DEPARTMENTS.iter().any(|(_, _, r)| r == region),
                "region {region} has no department"
            );
        }
    }

    #[test]
    fn department_codes_are_the_expected_ones() {
        let mut expected: Vec<String> = (1..=95)
            .filter(|n| *n != 20)
            .map(|n| format!("{n:02}"))
            .collect();
        expected.extend(["2A", "2B", "971", "972", "973", "974", "976"].map(String::from));
        let expected: BTreeSet<_> = expected.iter().map(String::as_str).collect();
        let actual: BTreeSet<_> = DEPARTMENTS.iter().map(|(code, _, _)| *code).collect();
        assert_eq!(actual, expected);
    }

    #[test]
    fn department_counts_per_region() {
        let count = |region: &str| DEPARTMENTS.iter().filter(|(_, _, r)| *r == region).count();
        for (region, expected) in [
            ("01", 1),
            ("02", 1),
            ("03", 1),
            ("04", 1),
            ("06", 1),
            ("11", 8),
            ("24", 6),
            ("27", 8),
            ("28", 5),
            ("32", 5),
            ("44", 10),
            ("52", 5),
            ("53", 4),
            ("75", 12),
            ("76", 13),
            ("84", 12),
            ("93", 6),
            ("94", 2),
        ] {
            assert_eq!(count(region), expected, "region {region}");
        }
    }

    #[test]
    fn regions_of_some_departments() {
        for (department, region) in [
            ("69", Some("84")),
            ("2A", Some("94")),
            ("2B", Some("94")),
            ("75", Some("11")),
            ("93", Some("11")),
            ("28", Some("24")),
            ("90", Some("27")),
            ("976", Some("06")),
            ("974", Some("04")),
            ("20", None),
            ("975", None),
            ("977", None),
            ("2a", None),
            ("1", None),
            ("", None),
            ("é", None),
        ] {
            assert_eq!(region_of_department(department), region, "{department}");
        }
        assert!(!is_department("20"));
        assert!(!is_department("975"));
        assert!(!is_department("093"));
        assert!(!is_region("05"));
        assert!(!is_region("1"));
    }

    #[test]
    fn corsica_postal_codes() {
        for (postal, department) in [
            ("20000", "2A"),
            ("20090", "2A"),
            ("20167", "2A"),
            ("20199", "2A"),
            ("20200", "2B"),
            ("20600", "2B"),
            ("20999", "2B"),
        ] {
            assert_eq!(
                department_of_postal_code(postal),
                Some(department),
                "{postal}"
            );
        }
    }

    #[test]
    fn overseas_and_foreign_postal_codes() {
        for (postal, department) in [
            ("97100", Some("971")),
            ("97200", Some("972")),
            ("97300", Some("973")),
            ("97411", Some("974")),
            ("97600", Some("976")),
            ("97133", None), // Saint-Barthélemy
            ("97150", None), // Saint-Martin
            ("97500", None), // Saint-Pierre-et-Miquelon
            ("97700", None),
            ("97800", None),
            ("98000", None), // Monaco
            ("98800", None), // New Caledonia
            ("00100", None),
        ] {
            assert_eq!(department_of_postal_code(postal), department, "{postal}");
        }
    }

    #[test]
    fn postal_code_to_region() {
        assert_eq!(department_of_postal_code("75011"), Some("75"));
        assert_eq!(region_of_department("75"), Some("11"));
        assert_eq!(department_of_postal_code("93200"), Some("93"));
        assert_eq!(region_of_department("93"), Some("11"));
        assert_eq!(department_of_postal_code("01000"), Some("01"));
    }

    #[test]
    fn malformed_postal_codes() {
        for postal in [
            "",
            "9320",
            "932000",
            "9A200",
            "é9320",
            "é320",
            "２３４５６",
            " 9320",
            "93200 ",
            "-9320",
        ] {
            assert_eq!(department_of_postal_code(postal), None, "{postal:?}");
            assert!(!is_postal_code(postal), "{postal:?}");
        }
        assert!(is_postal_code("00000"));
    }

    #[test]
    fn communes() {
        for (commune, department) in [
            ("93066", Some("93")),
            ("75056", Some("75")),
            ("01001", Some("01")),
            ("2A004", Some("2A")),
            ("2B033", Some("2B")),
            ("97411", Some("974")),
            ("97611", Some("976")),
            ("20004", None),
            ("97501", None),
            ("97701", None),
            ("97801", None),
            ("98000", None),
            ("00001", None),
            ("2C004", None),
            ("2a004", None),
            ("3A004", None),
            ("2A0O4", None),
            ("é3066", None),
            ("é066", None),
            ("97é1", None),
            ("２３４５６", None),
            ("", None),
            ("9306", None),
            ("930666", None),
        ] {
            assert_eq!(department_of_commune(commune), department, "{commune:?}");
        }
        assert!(is_commune_code("2B033"));
        assert!(is_commune_code("20004"));
        assert!(!is_commune_code("2A00"));
        assert!(!is_commune_code("A2004"));
    }

    #[test]
    fn results_are_consistent_for_every_five_digit_code() {
        for n in 0..100_000u32 {
            let code = format!("{n:05}");
            if let Some(department) = department_of_postal_code(&code) {
                assert!(is_department(department), "{code} -> {department}");
                assert!(region_of_department(department).is_some());
            }
            if let Some(department) = department_of_commune(&code) {
                assert!(is_department(department), "{code} -> {department}");
                assert!(code.starts_with(department));
            }
        }
        // Every department is reached by some postal code and some commune.
        for (code, _, _) in DEPARTMENTS {
            let (postal, commune) = match *code {
                "2A" => ("20000".to_owned(), "2A004".to_owned()),
                "2B" => ("20200".to_owned(), "2B033".to_owned()),
                c if c.len() == 3 => (format!("{c}00"), format!("{c}01")),
                c => (format!("{c}000"), format!("{c}001")),
            };
            assert_eq!(department_of_postal_code(&postal), Some(*code), "{postal}");
            assert_eq!(department_of_commune(&commune), Some(*code), "{commune}");
        }
    }

    #[test]
    fn no_panic_on_odd_input() {
        let odd = [
            "",
            "é",
            "éé",
            "2Aé",
            "2Aéé0",
            "97é",
            "9é",
            "é1234",
            "1é234",
            "12é34",
            "ab",
            "2A",
            "97",
            "\u{0}\u{0}\u{0}\u{0}\u{0}",
            "😀",
            "9😀",
            "20😀",
            "97😀",
            "2A😀",
            "ﬀﬀ",
        ];
        for input in odd {
            let _ = is_region(input);
            let _ = is_department(input);
            let _ = region_of_department(input);
            let _ = is_commune_code(input);
            let _ = is_postal_code(input);
            assert_eq!(department_of_commune(input), None, "{input:?}");
            assert_eq!(department_of_postal_code(input), None, "{input:?}");
        }
    }
}
