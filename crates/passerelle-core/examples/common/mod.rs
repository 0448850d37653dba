//! What the command-line examples share: reading their JSON input.

use std::io::Read;

use passerelle_core::date::Date;
use passerelle_core::problem::Problem;
use passerelle_core::Locale;
use serde_json::Value;

/// The JSON object on standard input.
pub fn read_input() -> Result<Value, Vec<Problem>> {
    let mut input = String::new();
    std::io::stdin()
        .read_to_string(&mut input)
        .map_err(|error| vec![Problem::new("unreadable_input", "$", error.to_string())])?;
    serde_json::from_str(&input).map_err(|error| vec![Problem::json(&error)])
}

/// The input's `reference_date`, or today (UTC) when it has none.
pub fn reference_date(input: &Value) -> Result<Date, Vec<Problem>> {
    match input.get("reference_date").and_then(Value::as_str) {
        None => {
            let seconds = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |elapsed| elapsed.as_secs());
            let days = i64::try_from(seconds / 86_400).unwrap_or(0);
            Ok(Date::from_days_since_epoch(days)
                .unwrap_or_else(|| unreachable!("the clock is past year 9999")))
        }
        Some(text) => Date::parse(text).map_err(|error| {
            vec![Problem::new(
                "invalid_date",
                "$.reference_date",
                error.to_string(),
            )]
        }),
    }
}

/// The input's `locale`, or French.
pub fn locale(input: &Value) -> Locale {
    input
        .get("locale")
        .and_then(Value::as_str)
        .and_then(Locale::from_tag)
        .unwrap_or_default()
}
