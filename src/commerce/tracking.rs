//! Order tracking rules, pure so every backend and the browser agree: which status may follow
//! which, the timeline a shopper sees, and whether the delivery promise is being kept.

use super::checkout::Day;
use super::model::OrderStatus;
use serde::{Deserialize, Serialize};

/// The happy path, in order. Cancelled and refunded branch off it.
pub const MAIN_LINE: [OrderStatus; 6] = [
    OrderStatus::Placed,
    OrderStatus::Paid,
    OrderStatus::Packed,
    OrderStatus::Shipped,
    OrderStatus::OutForDelivery,
    OrderStatus::Delivered,
];

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderEvent {
    pub status: OrderStatus,
    /// Seconds since the Unix epoch.
    pub at: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shipment {
    pub carrier: String,
    pub tracking_number: String,
}

fn position(status: OrderStatus) -> Option<usize> {
    MAIN_LINE.iter().position(|s| *s == status)
}

/// The status an order moves to when it is simply advanced; `None` at the end of the road.
pub fn next(status: OrderStatus) -> Option<OrderStatus> {
    match status {
        OrderStatus::Cancelled => Some(OrderStatus::Refunded),
        s => position(s).and_then(|i| MAIN_LINE.get(i + 1).copied()),
    }
}

/// Whether an order may move from `from` to `to`. Orders move one step at a time so every
/// step has a time; they can be cancelled until they leave the warehouse, and refunded once
/// cancelled or delivered (a return).
pub fn can_move(from: OrderStatus, to: OrderStatus) -> bool {
    use OrderStatus::*;
    match to {
        Cancelled => matches!(from, Placed | Paid | Packed),
        Refunded => matches!(from, Cancelled | Delivered),
        _ => next(from) == Some(to) && from != Cancelled,
    }
}

/// Whether a shopper watching the page should expect more news soon. A delivered order can
/// still be refunded after a return, but that is weeks away: no need to keep asking.
pub fn may_change(status: OrderStatus) -> bool {
    !matches!(status, OrderStatus::Delivered | OrderStatus::Refunded)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepState {
    Done,
    Current,
    Upcoming,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step {
    pub status: OrderStatus,
    pub at: Option<i64>,
    pub state: StepState,
}

/// The steps to show, oldest first: the main line up to where the order is (and the rest of it
/// still to come), or, for a cancelled order, what happened before and the cancellation.
pub fn timeline(current: OrderStatus, events: &[OrderEvent]) -> Vec<Step> {
    let at = |status| {
        events
            .iter()
            .rev()
            .find(|e| e.status == status)
            .map(|e| e.at)
    };
    let step = |status, state| Step {
        status,
        at: at(status),
        state,
    };
    let off_line = |s: Step| {
        MAIN_LINE
            .iter()
            .copied()
            .filter(|m| at(*m).is_some())
            .map(|m| step(m, StepState::Done))
            .chain(std::iter::once(s))
            .collect::<Vec<_>>()
    };
    match current {
        OrderStatus::Cancelled => off_line(step(OrderStatus::Cancelled, StepState::Current)),
        OrderStatus::Refunded if at(OrderStatus::Cancelled).is_some() => {
            let mut steps = off_line(step(OrderStatus::Cancelled, StepState::Done));
            steps.push(step(OrderStatus::Refunded, StepState::Current));
            steps
        }
        OrderStatus::Refunded => off_line(step(OrderStatus::Refunded, StepState::Current)),
        _ => {
            let here = position(current).unwrap_or(0);
            MAIN_LINE
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    let state = match i.cmp(&here) {
                        std::cmp::Ordering::Less => StepState::Done,
                        std::cmp::Ordering::Equal if *s == OrderStatus::Delivered => {
                            StepState::Done
                        }
                        std::cmp::Ordering::Equal => StepState::Current,
                        std::cmp::Ordering::Greater => StepState::Upcoming,
                    };
                    step(*s, state)
                })
                .collect()
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Punctuality {
    /// Not delivered yet and the window has not passed.
    OnTrack,
    /// Not delivered and the last promised day has passed.
    Late,
    DeliveredOnTime,
    DeliveredLate,
    /// Cancelled or refunded: no promise to keep.
    NotApplicable,
}

pub fn punctuality(
    current: OrderStatus,
    events: &[OrderEvent],
    promised: (Day, Day),
    today: Day,
) -> Punctuality {
    match current {
        OrderStatus::Cancelled | OrderStatus::Refunded => Punctuality::NotApplicable,
        OrderStatus::Delivered => {
            let delivered = events
                .iter()
                .rev()
                .find(|e| e.status == OrderStatus::Delivered)
                .map(|e| Day::from_unix(e.at))
                .unwrap_or(today);
            if delivered <= promised.1 {
                Punctuality::DeliveredOnTime
            } else {
                Punctuality::DeliveredLate
            }
        }
        _ if today > promised.1 => Punctuality::Late,
        _ => Punctuality::OnTrack,
    }
}

/// The carrier's tracking number for an order: stable, so a repeated "shipped" keeps it.
pub fn tracking_number(code: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in code.bytes() {
        hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    format!("PW{:012}", hash % 1_000_000_000_000)
}

pub const CARRIER: &str = "Parcelway";

#[cfg(test)]
mod tests {
    use super::*;
    use OrderStatus::*;

    fn ev(status: OrderStatus, at: i64) -> OrderEvent {
        OrderEvent { status, at }
    }

    #[test]
    fn orders_move_one_step_at_a_time_and_branch_only_where_allowed() {
        assert!(can_move(Placed, Paid));
        assert!(
            !can_move(Placed, Shipped),
            "no skipping: every step needs a time"
        );
        assert!(!can_move(Paid, Placed), "no going back");
        assert!(can_move(Packed, Cancelled));
        assert!(
            !can_move(Shipped, Cancelled),
            "a parcel on its way is not cancelled"
        );
        assert!(can_move(Cancelled, Refunded));
        assert!(can_move(Delivered, Refunded));
        assert!(!can_move(Refunded, Refunded));
        assert!(!can_move(Cancelled, Paid));
        assert_eq!(next(Delivered), None);
        assert_eq!(next(Cancelled), Some(Refunded));
    }

    #[test]
    fn the_timeline_shows_where_the_order_is_and_what_is_next() {
        let events = [ev(Placed, 10), ev(Paid, 20), ev(Packed, 30)];
        let steps = timeline(Packed, &events);
        assert_eq!(steps.len(), 6);
        assert_eq!(steps[1].at, Some(20));
        assert_eq!(steps[2].state, StepState::Current);
        assert_eq!(steps[3].state, StepState::Upcoming);
        assert_eq!(steps[3].at, None);
        let delivered = timeline(Delivered, &[ev(Delivered, 99)]);
        assert_eq!(delivered[5].state, StepState::Done);
    }

    #[test]
    fn a_cancelled_order_shows_what_happened_not_what_will_not() {
        let events = [
            ev(Placed, 10),
            ev(Paid, 20),
            ev(Cancelled, 30),
            ev(Refunded, 40),
        ];
        let statuses: Vec<_> = timeline(Refunded, &events)
            .iter()
            .map(|s| s.status)
            .collect();
        assert_eq!(statuses, [Placed, Paid, Cancelled, Refunded]);
        let cancelled = timeline(Cancelled, &events[..3]);
        assert_eq!(cancelled.last().unwrap().state, StepState::Current);
    }

    #[test]
    fn punctuality_compares_delivery_with_the_last_promised_day() {
        let promised = (Day(100), Day(102));
        let day = |d: i64| d * 86_400 + 3_600;
        assert_eq!(
            punctuality(Shipped, &[], promised, Day(102)),
            Punctuality::OnTrack
        );
        assert_eq!(
            punctuality(Shipped, &[], promised, Day(103)),
            Punctuality::Late
        );
        let on_time = [ev(Delivered, day(102))];
        assert_eq!(
            punctuality(Delivered, &on_time, promised, Day(110)),
            Punctuality::DeliveredOnTime
        );
        let late = [ev(Delivered, day(103))];
        assert_eq!(
            punctuality(Delivered, &late, promised, Day(103)),
            Punctuality::DeliveredLate
        );
        assert_eq!(
            punctuality(Cancelled, &[], promised, Day(200)),
            Punctuality::NotApplicable
        );
    }

    #[test]
    fn tracking_numbers_are_stable_per_order_and_differ_between_orders() {
        assert_eq!(tracking_number("VT-ABC"), tracking_number("VT-ABC"));
        assert_ne!(tracking_number("VT-ABC"), tracking_number("VT-ABD"));
        assert_eq!(tracking_number("VT-ABC").len(), 14);
    }
}
