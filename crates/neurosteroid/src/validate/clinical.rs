//! Dates exist and are not after `as_of`; status histories are in order; dose ranges are
//! ordered and their units are UCUM.

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Date, Document};

fn date(d: &Date, at: String, as_of: &Date, diags: &mut Vec<Diagnostic>) {
    if !d.is_valid() {
        diags.push(
            Diagnostic::error(Code::InvalidDate, at, format!("{d} is not a date that exists"))
                .with_hint("check the month and the day"),
        );
    } else if as_of.is_valid() && d > as_of {
        diags.push(
            Diagnostic::error(
                Code::FutureDate,
                at,
                format!("{d} is after the document's as_of date {as_of}"),
            )
            .with_hint("record events once they happen, or move `as_of` forward after checking the content"),
        );
    }
}

/// Largest dose amount accepted in any unit: no dose of anything is a billion units.
pub(crate) const MAX_DOSE: f64 = 1e9;

pub(super) fn check(doc: &Document, diags: &mut Vec<Diagnostic>) {
    check_with_today(doc, &Date::today_utc(), diags);
}

/// The rules, with "today" given (tests fix it).
pub(super) fn check_with_today(doc: &Document, today: &Date, diags: &mut Vec<Diagnostic>) {
    // `as_of` says when the content was checked: a later date would switch every
    // future-date check off.
    if doc.as_of.is_valid() && &doc.as_of > today {
        diags.push(
            Diagnostic::error(
                Code::FutureDate,
                "/as_of",
                format!("as_of {} is after today ({today})", doc.as_of),
            )
            .with_hint("set `as_of` to the date the content was last checked"),
        );
    }
    let as_of_year = doc.as_of.parts().0;
    for (i, s) in doc.sources.iter().enumerate() {
        if let Some(y) = s.year {
            if doc.as_of.is_valid() && y.get() > as_of_year {
                diags.push(
                    Diagnostic::error(
                        Code::FutureDate,
                        format!("/sources/{i}/year"),
                        format!("year {} is after the document's as_of year {as_of_year}", y.get()),
                    )
                    .with_hint("check the publication year"),
                );
            }
        }
    }
    if !doc.as_of.is_valid() {
        diags.push(
            Diagnostic::error(
                Code::InvalidDate,
                "/as_of",
                format!("{} is not a date that exists", doc.as_of),
            )
            .with_hint("check the month and the day"),
        );
    }
    for (i, s) in doc.sources.iter().enumerate() {
        if let Some(a) = &s.accessed {
            date(a, format!("/sources/{i}/accessed"), &doc.as_of, diags);
        }
    }
    for (i, t) in doc.therapies.iter().enumerate() {
        for (j, ev) in t.status_history.iter().enumerate() {
            let at = format!("/therapies/{i}/status_history/{j}/date");
            date(&ev.date, at.clone(), &doc.as_of, diags);
            if j > 0 && t.status_history[j - 1].date > ev.date {
                diags.push(
                    Diagnostic::error(
                        Code::StatusOrder,
                        at,
                        format!(
                            "{} comes before the previous event ({})",
                            ev.date,
                            t.status_history[j - 1].date
                        ),
                    )
                    .with_hint("list the status history oldest first"),
                );
            }
        }
        for (j, d) in t.doses.iter().enumerate() {
            let at = format!("/therapies/{i}/doses/{j}");
            for (field, v) in [("min", Some(d.min)), ("max", d.max)] {
                if let Some(v) = v.filter(|v| v.get() > MAX_DOSE) {
                    diags.push(
                        Diagnostic::error(
                            Code::Range,
                            format!("{at}/{field}"),
                            format!("a dose of {v} {} is more than {MAX_DOSE:e} of any unit", d.unit),
                        )
                        .with_hint("check the amount and the unit (a smaller unit?)"),
                    );
                }
            }
            if let Some(max) = d.max {
                if max < d.min {
                    diags.push(
                        Diagnostic::error(
                            Code::DoseRangeOrder,
                            format!("{at}/max"),
                            format!("the range {}–{} {} is upside down", d.min, max, d.unit),
                        )
                        .with_hint("swap min and max"),
                    );
                }
            }
            if let Err(msg) = super::check_ucum(d.unit.as_str()) {
                diags.push(
                    Diagnostic::error(
                        Code::InvalidUnit,
                        format!("{at}/unit"),
                        format!("`{}` is not a valid UCUM unit: {msg}", d.unit),
                    )
                    .with_hint("write units in UCUM case-sensitive form, e.g. `mg`, `ug/kg/h`, `mg/d`"),
                );
            }
        }
    }
}
