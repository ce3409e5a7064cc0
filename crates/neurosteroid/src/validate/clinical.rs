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

pub(super) fn check(doc: &Document, diags: &mut Vec<Diagnostic>) {
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
