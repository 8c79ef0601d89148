//! Reading the embedded store's rows into the commerce model, for every section: carts with
//! their lines and coupon, orders with their timeline, pictures and variant titles.

use super::*;

/// A product's picture in one colour; `name` is already in `words`' language.
pub(super) fn picture(words: &texts::Language, handle: &str, name: &str, colour: &str) -> Image {
    Image {
        url: format!("/media/p/{handle}/{}.svg", colour.to_ascii_lowercase()),
        alt: words.picture(name, colour),
        srcset: None,
        avif: None,
    }
}

/// Cart tokens are 128 random bits in lowercase hex; anything else is refused before a query.
pub(super) fn check_token(token: &str) -> CommerceResult<()> {
    let ok = token.len() == 32
        && token
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    ok.then_some(()).ok_or(CommerceError::InvalidCartToken)
}

pub(super) fn split(s: &str) -> Vec<String> {
    s.split('|').map(str::to_string).collect()
}

/// Sums that overflow or mix currencies: a fault in the data, not the shopper's.
pub(super) fn money_refused(e: impl std::fmt::Display) -> CommerceError {
    tracing::warn!(error = %e, "cart arithmetic refused");
    CommerceError::Refused(Refusal::Backend)
}

pub(super) fn load_cart(
    c: &Connection,
    token: &str,
    words: &texts::Language,
    currency: Currency,
) -> CommerceResult<Cart> {
    let coupon_code: Option<Option<String>> = one(
        c,
        "SELECT coupon FROM carts WHERE token = ?1",
        [token],
        |r| r.get(0),
    )
    .optional()
    .map_err(db)?;
    let Some(coupon_code) = coupon_code else {
        return Err(CommerceError::InvalidCartToken);
    };
    let (join, price, _) = prices::columns(currency);
    let mut stmt = c
        .prepare_cached(&format!(
            "SELECT v.id, p.handle, p.name, v.options, v.colour, {price}, l.quantity, v.stock
             FROM cart_lines l JOIN variants v ON v.id = l.variant_id {join}
             JOIN products p ON p.id = v.product_id
             WHERE l.cart_token = ?1 ORDER BY l.added_at, v.id"
        ))
        .map_err(db)?;
    let lines = stmt
        .query_map([token], |r| {
            let handle: String = r.get(1)?;
            let name = words
                .product_name(&handle, &r.get::<_, String>(2)?)
                .to_string();
            let colour: String = r.get(4)?;
            Ok(CartLineInput {
                variant_id: r.get::<_, i64>(0)?.to_string(),
                image: picture(words, &handle, &name, &colour),
                product_handle: handle,
                product_name: name,
                variant_title: variant_title(words, &r.get::<_, String>(3)?),
                unit_price: Money::new(r.get(5)?, currency),
                quantity: r.get(6)?,
                available: r.get(7)?,
            })
        })
        .map_err(db)?
        .collect::<Result<Vec<_>, _>>()
        .map_err(db)?;
    let mut cart = Cart::from_lines(currency, lines).map_err(money_refused)?;
    cart.coupon = match coupon_code {
        Some(code) => super::cart::load_coupon(c, &code, currency)?,
        None => None,
    };
    Ok(cart)
}

/// A variant's options as the cart and order show them ("M / Ink"), in `words`' language.
pub(super) fn variant_title(words: &texts::Language, options: &str) -> String {
    options
        .split('|')
        .map(|o| words.phrase(o))
        .collect::<Vec<_>>()
        .join(" / ")
}

pub(super) fn record_event(
    c: &Connection,
    code: &str,
    status: OrderStatus,
    at: i64,
) -> CommerceResult<()> {
    exec(
        c,
        "INSERT INTO order_events (order_code, status, at) VALUES (?1, ?2, ?3)",
        params![code, status.as_str(), at],
    )
    .map(|_| ())
    .map_err(db)
}

pub(super) fn load_events(c: &Connection, code: &str) -> CommerceResult<Vec<OrderEvent>> {
    let mut stmt = c
        .prepare_cached(
            "SELECT status, at FROM order_events WHERE order_code = ?1 ORDER BY at, rowid",
        )
        .map_err(db)?;
    let rows = stmt
        .query_map([code], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
        })
        .map_err(db)?
        .collect::<Result<Vec<_>, _>>()
        .map_err(db)?;
    Ok(rows
        .into_iter()
        .filter_map(|(s, at)| OrderStatus::parse(&s).map(|status| OrderEvent { status, at }))
        .collect())
}

pub(super) fn load_order(c: &Connection, code: &str) -> CommerceResult<Order> {
    let corrupt = |what: &str| {
        tracing::error!(order = code, "stored order has unreadable {what}");
        CommerceError::Unavailable("the store database failed".into())
    };
    let head = one(
        c,
        "SELECT email, ship_name, ship_line1, ship_line2, ship_city, ship_postcode, ship_country,
               shipping, payment, subtotal, shipping_cost, tax, total, status, placed_at,
               carrier, tracking_number, discount, coupon, billing, gift, currency
             FROM orders WHERE code = ?1",
        [code],
        |r| {
            Ok((
                r.get::<_, String>(0)?,
                Address {
                    name: r.get(1)?,
                    line1: r.get(2)?,
                    line2: r.get(3)?,
                    city: r.get(4)?,
                    postcode: r.get(5)?,
                    country: r.get(6)?,
                },
                r.get::<_, String>(7)?,
                r.get::<_, String>(8)?,
                [r.get::<_, i64>(9)?, r.get(10)?, r.get(11)?, r.get(12)?],
                r.get::<_, String>(13)?,
                r.get::<_, i64>(14)?,
                (
                    r.get::<_, Option<String>>(15)?,
                    r.get::<_, Option<String>>(16)?,
                ),
                (r.get::<_, i64>(17)?, r.get::<_, Option<String>>(18)?),
                (
                    r.get::<_, Option<String>>(19)?,
                    r.get::<_, Option<String>>(20)?,
                ),
                r.get::<_, String>(21)?,
            ))
        },
    )
    .optional()
    .map_err(db)?
    .ok_or(CommerceError::NotFound(Thing::Order))?;
    let (
        email,
        address,
        shipping,
        payment,
        [subtotal, shipping_cost, tax, total],
        status,
        placed_at,
        (carrier, tracking_number),
        (discount, coupon),
        (billing, gift),
        currency,
    ) = head;
    let currency = Currency::parse(&currency).ok_or_else(|| corrupt("currency"))?;
    let money = |minor| Money::new(minor, currency);
    fn parse<T: serde::de::DeserializeOwned>(json: Option<String>) -> Result<Option<T>, ()> {
        json.map(|j| serde_json::from_str(&j).map_err(|_| ()))
            .transpose()
    }
    let coupon: Option<Coupon> = parse(coupon).map_err(|_| corrupt("coupon"))?;
    let billing: Option<Address> = parse(billing).map_err(|_| corrupt("billing"))?;
    let gift: Option<Gift> = parse(gift).map_err(|_| corrupt("gift"))?;
    let shipping: ShippingOption =
        serde_json::from_str(&shipping).map_err(|_| corrupt("shipping"))?;
    let payment: PaymentMethod = serde_json::from_str(&payment).map_err(|_| corrupt("payment"))?;
    let mut stmt = c
        .prepare_cached(
            "SELECT l.variant_id, l.product_name, l.variant_title, l.unit_price, l.quantity,
               p.handle
             FROM order_lines l JOIN variants v ON v.id = l.variant_id
               JOIN products p ON p.id = v.product_id
             WHERE l.order_code = ?1 ORDER BY l.rowid",
        )
        .map_err(db)?;
    let lines = stmt
        .query_map([code], |r| {
            let unit: i64 = r.get(3)?;
            let qty: u32 = r.get(4)?;
            Ok(OrderLine {
                variant_id: r.get::<_, i64>(0)?.to_string(),
                product_handle: r.get(5)?,
                product_name: r.get(1)?,
                variant_title: r.get(2)?,
                unit_price: money(unit),
                quantity: qty,
                line_total: money(unit * i64::from(qty)),
            })
        })
        .map_err(db)?
        .collect::<Result<Vec<_>, _>>()
        .map_err(db)?;
    Ok(Order {
        code: code.to_string(),
        email,
        lines,
        totals: Totals {
            subtotal: money(subtotal),
            discount: money(discount),
            shipping: money(shipping_cost),
            tax: money(tax),
            total: money(total),
            tax_included: false,
        },
        delivery: rules::delivery_window(placed_at, &shipping),
        shipping,
        address,
        payment,
        status: OrderStatus::parse(&status).unwrap_or(OrderStatus::Placed),
        placed_at,
        events: load_events(c, code)?,
        coupon,
        billing,
        gift,
        shipment: carrier
            .zip(tracking_number)
            .map(|(carrier, tracking_number)| Shipment {
                carrier,
                tracking_number,
            }),
    })
}

/// `c.execute(sql, params)` with the statement compiled once per connection: the cart's and
/// checkout's statements run on every request, and compiling them took 3% of the server's
/// CPU under `make bench-load`.
pub(super) fn exec(
    c: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
) -> rusqlite::Result<usize> {
    c.prepare_cached(sql)?.execute(params)
}

/// `c.query_row(sql, params, f)`, the statement compiled once per connection.
pub(super) fn one<T>(
    c: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
    f: impl FnOnce(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
) -> rusqlite::Result<T> {
    c.prepare_cached(sql)?.query_row(params, f)
}
