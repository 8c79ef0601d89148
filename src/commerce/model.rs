//! The storefront's commerce vocabulary. Every type crosses the wire (serde) and is the same
//! whichever backend produced it.

use super::checkout::{Day, PaymentMethod, ShippingOption, Totals};
use super::money::{Currency, Money, MoneyError};
use super::promotions::Coupon;
use super::tracking::{OrderEvent, Shipment};
use serde::{Deserialize, Serialize};

/// Most of one variant a cart line may hold; keeps a stray "1000000" from reaching a backend.
pub const MAX_LINE_QUANTITY: u32 = 99;
/// Distinct lines a cart may hold.
pub const MAX_CART_LINES: usize = 50;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Image {
    pub url: String,
    pub alt: String,
    /// The picture's sized copies as an `<img srcset>` lists them, where the backend makes
    /// them (Vendure's asset presets): a phone's grid takes the smaller, 40% of the bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub srcset: Option<String>,
    /// The same copies in AVIF, offered first to browsers that decode it (a `<picture>`
    /// source): about 40% fewer bytes than the WebP ones at the same size.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avif: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Category {
    pub handle: String,
    pub name: String,
    pub description: String,
    pub product_count: u32,
    /// A picture for category tiles (the backend's choice, e.g. a featured product).
    pub image: Option<Image>,
}

/// What a listing card needs: one row per product, priced from its cheapest variant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductSummary {
    pub handle: String,
    pub name: String,
    pub brand: String,
    pub image: Image,
    pub price: Money,
    pub compare_at: Option<Money>,
    /// Variants differ in price, so the card says "from".
    pub price_varies: bool,
    pub in_stock: bool,
    /// What its published reviews add up to (the storefront's data, not the backend's).
    #[serde(default)]
    pub rating: Option<super::reviews::Rating>,
    /// This shopper saved it to their wishlist (the card's heart is filled).
    #[serde(default)]
    pub saved: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductOption {
    pub name: String,
    pub values: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Variant {
    pub id: String,
    pub sku: String,
    /// One value per product option, in the product's option order.
    pub options: Vec<String>,
    pub price: Money,
    pub compare_at: Option<Money>,
    pub stock: u32,
    /// The picture of this variant (its colour), when it differs from the product's first.
    pub image: Option<Image>,
}

impl Variant {
    pub fn title(&self) -> String {
        self.options.join(" / ")
    }

    pub fn in_stock(&self) -> bool {
        self.stock > 0
    }
}

/// At most this many left, a shopper is told how many ("Only 3 left").
pub const FEW_LEFT: u32 = 5;

/// What a shopper is told of a variant's stock: a sale that leaves this the same changes
/// nothing a browse page shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StockShown {
    SoldOut,
    Few(u32),
    InStock,
}

impl StockShown {
    pub fn of(stock: u32) -> StockShown {
        match stock {
            0 => StockShown::SoldOut,
            n if n <= FEW_LEFT => StockShown::Few(n),
            _ => StockShown::InStock,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Product {
    pub handle: String,
    pub name: String,
    pub brand: String,
    pub description: String,
    pub category: Category,
    pub images: Vec<Image>,
    pub options: Vec<ProductOption>,
    pub variants: Vec<Variant>,
}

impl Product {
    pub fn variant(&self, id: &str) -> Option<&Variant> {
        self.variants.iter().find(|v| v.id == id)
    }

    /// The variant a page opens on: the one asked for, else the first that can be bought.
    pub fn default_variant(&self, wanted: Option<&str>) -> Option<&Variant> {
        wanted
            .and_then(|id| self.variant(id))
            .or_else(|| self.variants.iter().find(|v| v.in_stock()))
            .or_else(|| self.variants.first())
    }

    /// The variant reached by changing option `index` of `from` to `value`: the exact match if
    /// it exists, else the first in-stock variant with that value, so a chip never leads nowhere.
    pub fn variant_with(&self, from: &Variant, index: usize, value: &str) -> Option<&Variant> {
        let exact = self.variants.iter().find(|v| {
            v.options.get(index).map(String::as_str) == Some(value)
                && v.options
                    .iter()
                    .zip(&from.options)
                    .enumerate()
                    .all(|(i, (a, b))| i == index || a == b)
        });
        exact
            .or_else(|| {
                self.variants.iter().find(|v| {
                    v.in_stock() && v.options.get(index).map(String::as_str) == Some(value)
                })
            })
            .or_else(|| {
                self.variants
                    .iter()
                    .find(|v| v.options.get(index).map(String::as_str) == Some(value))
            })
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// 1-based.
    pub page: u32,
    pub per_page: u32,
    pub total: u32,
}

impl<T> Page<T> {
    pub fn page_count(&self) -> u32 {
        self.total.div_ceil(self.per_page.max(1)).max(1)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CartLine {
    pub variant_id: String,
    pub product_handle: String,
    pub product_name: String,
    pub variant_title: String,
    pub image: Image,
    pub unit_price: Money,
    pub quantity: u32,
    pub line_total: Money,
    /// Units the backend can still supply; the cart warns when the line asks for more.
    pub available: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cart {
    pub lines: Vec<CartLine>,
    pub item_count: u32,
    pub subtotal: Money,
    /// The code the shopper applied; whether it still applies is for `checkout::quote`.
    pub coupon: Option<Coupon>,
    /// What bundle discounts take off, before any code (`bundles::savings`).
    #[serde(default)]
    pub savings: Vec<super::bundles::Saving>,
}

/// A cart and the opaque token that names it. The store keeps the token in an HttpOnly
/// cookie, out of scripts' reach; the widget, on other sites' pages, keeps it in the page's
/// storage and sends it (empty when there is no cart yet).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenCart {
    pub token: String,
    pub cart: Cart,
}

/// One line as a backend stores it, before totals.
#[derive(Clone, Debug)]
pub struct CartLineInput {
    pub variant_id: String,
    pub product_handle: String,
    pub product_name: String,
    pub variant_title: String,
    pub image: Image,
    pub unit_price: Money,
    pub quantity: u32,
    pub available: u32,
}

impl Cart {
    pub fn empty(currency: Currency) -> Cart {
        Cart {
            lines: Vec::new(),
            item_count: 0,
            subtotal: Money::zero(currency),
            coupon: None,
            savings: Vec::new(),
        }
    }

    /// Builds a cart with every total derived from the lines, so no backend can disagree.
    pub fn from_lines(currency: Currency, lines: Vec<CartLineInput>) -> Result<Cart, MoneyError> {
        let lines = lines
            .into_iter()
            .map(|l| {
                Ok(CartLine {
                    line_total: l.unit_price.checked_mul(l.quantity)?,
                    variant_id: l.variant_id,
                    product_handle: l.product_handle,
                    product_name: l.product_name,
                    variant_title: l.variant_title,
                    image: l.image,
                    unit_price: l.unit_price,
                    quantity: l.quantity,
                    available: l.available,
                })
            })
            .collect::<Result<Vec<_>, MoneyError>>()?;
        let subtotal = Money::sum(currency, lines.iter().map(|l| l.line_total))?;
        let item_count = lines.iter().map(|l| l.quantity).sum();
        Ok(Cart {
            lines,
            item_count,
            subtotal,
            coupon: None,
            savings: Vec::new(),
        })
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// What the bundle discounts take off together.
    pub fn savings_total(&self) -> Money {
        super::bundles::total(&self.savings, self.subtotal.currency)
    }

    pub fn line(&self, variant_id: &str) -> Option<&CartLine> {
        self.lines.iter().find(|l| l.variant_id == variant_id)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum OrderStatus {
    Placed,
    Paid,
    Packed,
    Shipped,
    OutForDelivery,
    Delivered,
    Cancelled,
    Refunded,
}

impl OrderStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            OrderStatus::Placed => "placed",
            OrderStatus::Paid => "paid",
            OrderStatus::Packed => "packed",
            OrderStatus::Shipped => "shipped",
            OrderStatus::OutForDelivery => "out_for_delivery",
            OrderStatus::Delivered => "delivered",
            OrderStatus::Cancelled => "cancelled",
            OrderStatus::Refunded => "refunded",
        }
    }

    pub fn parse(s: &str) -> Option<OrderStatus> {
        super::tracking::MAIN_LINE
            .into_iter()
            .chain([OrderStatus::Cancelled, OrderStatus::Refunded])
            .find(|st| st.as_str() == s)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderLine {
    pub variant_id: String,
    /// The product's handle, so the order page can link to it and a review find its product.
    #[serde(default)]
    pub product_handle: String,
    pub product_name: String,
    pub variant_title: String,
    pub unit_price: Money,
    pub quantity: u32,
    pub line_total: Money,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Address {
    pub name: String,
    pub line1: String,
    pub line2: String,
    pub city: String,
    pub postcode: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
}

/// A gift order's extras: the note for the recipient, and whether the packing slip leaves the
/// prices off.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gift {
    pub message: String,
    pub hide_prices: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Order {
    pub code: String,
    pub email: String,
    pub lines: Vec<OrderLine>,
    pub totals: Totals,
    pub shipping: ShippingOption,
    pub address: Address,
    pub payment: PaymentMethod,
    pub status: OrderStatus,
    /// Seconds since the Unix epoch.
    pub placed_at: i64,
    /// The promised delivery window, first and last day.
    pub delivery: (Day, Day),
    /// Every status the order has been in, oldest first, with when.
    pub events: Vec<OrderEvent>,
    /// Set once the parcel is handed to the carrier.
    pub shipment: Option<Shipment>,
    /// The coupon as it was when the order was placed.
    pub coupon: Option<Coupon>,
    /// The buyer's own address, when the order ships to someone else.
    pub billing: Option<Address>,
    pub gift: Option<Gift>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(id: &str, price: i64, qty: u32) -> CartLineInput {
        CartLineInput {
            variant_id: id.into(),
            product_handle: id.into(),
            product_name: id.into(),
            variant_title: String::new(),
            image: Image {
                url: String::new(),
                alt: String::new(),
                srcset: None,
                avif: None,
            },
            unit_price: Money::new(price, Currency::USD),
            quantity: qty,
            available: 10,
        }
    }

    #[test]
    fn cart_totals_follow_the_lines() {
        let cart =
            Cart::from_lines(Currency::USD, vec![line("a", 1_999, 3), line("b", 450, 1)]).unwrap();
        assert_eq!(cart.lines[0].line_total, Money::new(5_997, Currency::USD));
        assert_eq!(cart.subtotal, Money::new(6_447, Currency::USD));
        assert_eq!(cart.item_count, 4);
    }

    #[test]
    fn empty_cart_totals_are_zero_in_the_store_currency() {
        let cart = Cart::from_lines(Currency::EUR, vec![]).unwrap();
        assert_eq!(cart, Cart::empty(Currency::EUR));
        assert!(cart.is_empty());
    }

    #[test]
    fn a_line_in_another_currency_is_refused() {
        let mut foreign = line("b", 450, 1);
        foreign.unit_price = Money::new(450, Currency::EUR);
        assert!(Cart::from_lines(Currency::USD, vec![line("a", 100, 1), foreign]).is_err());
    }

    fn shirt() -> Product {
        let v = |id: &str, size: &str, colour: &str, stock| Variant {
            id: id.into(),
            sku: id.into(),
            options: vec![size.into(), colour.into()],
            price: Money::new(2_000, Currency::USD),
            compare_at: None,
            stock,
            image: None,
        };
        Product {
            handle: "tee".into(),
            name: "Tee".into(),
            brand: "B".into(),
            description: String::new(),
            category: Category {
                handle: "tees".into(),
                name: "Tees".into(),
                description: String::new(),
                product_count: 1,
                image: None,
            },
            images: vec![],
            options: vec![],
            variants: vec![
                v("1", "S", "Red", 0),
                v("2", "M", "Red", 4),
                v("3", "S", "Blue", 2),
                v("4", "L", "Blue", 1),
            ],
        }
    }

    #[test]
    fn default_variant_skips_sold_out_unless_asked_for() {
        let p = shirt();
        assert_eq!(p.default_variant(None).unwrap().id, "2");
        assert_eq!(p.default_variant(Some("1")).unwrap().id, "1");
        assert_eq!(p.default_variant(Some("nope")).unwrap().id, "2");
    }

    #[test]
    fn changing_one_option_keeps_the_others_when_that_combination_exists() {
        let p = shirt();
        let red_m = p.variant("2").unwrap();
        assert_eq!(p.variant_with(red_m, 0, "S").unwrap().id, "1");
        // There is no large red: fall back to an in-stock large.
        assert_eq!(p.variant_with(red_m, 0, "L").unwrap().id, "4");
        assert_eq!(p.variant_with(red_m, 1, "Blue").unwrap().id, "3");
    }

    #[test]
    fn page_count_rounds_up_and_is_never_zero() {
        let page = |total| Page::<u8> {
            items: vec![],
            page: 1,
            per_page: 24,
            total,
        };
        assert_eq!(page(0).page_count(), 1);
        assert_eq!(page(24).page_count(), 1);
        assert_eq!(page(25).page_count(), 2);
    }
}

/// A shopper with an account: their saved addresses, most recently used first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Customer {
    pub id: String,
    pub email: String,
    pub name: String,
    pub addresses: Vec<Address>,
}

/// One line of a customer's order history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderSummary {
    pub code: String,
    pub placed_at: i64,
    pub status: OrderStatus,
    pub total: Money,
    pub item_count: u32,
}
