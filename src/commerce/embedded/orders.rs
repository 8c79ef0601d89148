//! Orders and their tracking in the embedded store: reading an order, and the owner moving
//! it along its statuses.

use super::*;

pub(super) async fn order(store: &EmbeddedStore, code: &str) -> CommerceResult<Order> {
    let code = code.to_string();
    store.read(move |c| load_order(c, &code)).await
}

impl EmbeddedStore {
    /// Moves an order on, to `to` or (when `None`) to the next status on its way. Refuses
    /// moves the tracking rules do not allow, so the timeline never has holes.
    pub async fn advance_order(
        &self,
        code: &str,
        to: Option<OrderStatus>,
    ) -> CommerceResult<Order> {
        let code = code.to_string();
        self.run(move |c| {
            let tx = c
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map_err(db)?;
            let current = load_order(&tx, &code)?.status;
            let to = match to.or_else(|| tracking::next(current)) {
                Some(to) if tracking::can_move(current, to) => to,
                wanted => {
                    return Err(CommerceError::Refused(Refusal::StatusCannotMove {
                        from: current,
                        to: wanted,
                    }))
                }
            };
            tx.execute(
                "UPDATE orders SET status = ?2 WHERE code = ?1",
                params![code, to.as_str()],
            )
            .map_err(db)?;
            if to == OrderStatus::Shipped {
                tx.execute(
                    "UPDATE orders SET carrier = ?2, tracking_number = ?3 WHERE code = ?1",
                    params![code, tracking::CARRIER, tracking::tracking_number(&code)],
                )
                .map_err(db)?;
            }
            record_event(&tx, &code, to, now())?;
            let order = load_order(&tx, &code)?;
            tx.commit().map_err(db)?;
            Ok(order)
        })
        .await
    }
}
