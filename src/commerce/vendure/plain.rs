//! Plain copies of the two fragments most operations return. graphql_client generates one set
//! of types per operation; these macros copy any of them (the fields are the same, checked
//! against the schema) into one shape the mapping code is written once for, and fill any of
//! the per-operation address inputs from one storefront address.

/// A product as `ProductFields` selects it.
pub struct VProduct {
    pub slug: String,
    pub name: String,
    pub description: String,
    pub created_at: String,
    /// When the product last changed (for the sitemap).
    pub updated_at: String,
    pub image: Option<String>,
    pub images: Vec<String>,
    /// (facet code, value name), e.g. ("brand", "Apple").
    pub facets: Vec<(String, String)>,
    /// Collection slugs, outermost first.
    pub collections: Vec<String>,
    /// Option groups (id, name) in the product's order.
    pub groups: Vec<(String, String)>,
    pub variants: Vec<VVariant>,
}

pub struct VVariant {
    pub id: String,
    pub sku: String,
    pub price: i64,
    pub stock_level: String,
    pub image: Option<String>,
    /// (group id, value name), in no particular order.
    pub options: Vec<(String, String)>,
}

/// One promotion's discount on an order.
pub struct VDiscount {
    /// Negative, tax included.
    pub amount: i64,
    /// The promotion's name, as the shopper reads it.
    pub description: String,
    /// Spread over the whole order (an order percentage, as codes usually are) rather than
    /// taken off particular products (as a bundle's promotion is).
    pub order_wide: bool,
}

/// An order as `OrderFields` selects it.
pub struct VOrder {
    pub code: String,
    pub state: String,
    pub created_at: String,
    pub placed_at: Option<String>,
    pub coupon_codes: Vec<String>,
    pub currency: String,
    pub shipping: i64,
    /// Before tax; the rest of `total` is tax.
    pub net_total: i64,
    pub total: i64,
    pub discounts: Vec<VDiscount>,
    pub email: Option<String>,
    pub shipping_address: Option<VAddress>,
    pub billing_address: Option<VAddress>,
    /// (method code, method name, price with tax).
    pub shipping_lines: Vec<(String, String, i64)>,
    /// (method, state, metadata).
    pub payments: Vec<(String, String, serde_json::Value)>,
    /// The parcels sent, as the operator recorded them.
    pub fulfillments: Vec<VFulfillment>,
    pub updated_at: String,
    pub lines: Vec<VLine>,
}

pub struct VFulfillment {
    pub state: String,
    /// The carrier, as the operator named it.
    pub method: String,
    pub tracking_code: Option<String>,
    pub created_at: String,
    /// When it last changed state.
    pub updated_at: String,
}

#[derive(Default)]
pub struct VAddress {
    pub full_name: Option<String>,
    pub street_line1: Option<String>,
    pub street_line2: Option<String>,
    pub city: Option<String>,
    pub postal_code: Option<String>,
    pub country_code: Option<String>,
}

pub struct VLine {
    pub id: String,
    pub quantity: i64,
    pub unit_price: i64,
    pub line_price: i64,
    pub image: Option<String>,
    pub variant_id: String,
    pub stock_level: String,
    pub options: Vec<String>,
    pub product_slug: String,
    pub product_name: String,
}

macro_rules! plain_product {
    ($p:expr) => {{
        let p = $p;
        $crate::commerce::vendure::plain::VProduct {
            slug: p.slug,
            name: p.name,
            description: p.description,
            created_at: p.created_at,
            updated_at: p.updated_at,
            image: p.featured_asset.map(|a| a.preview),
            images: p.assets.into_iter().map(|a| a.preview).collect(),
            facets: p
                .facet_values
                .into_iter()
                .map(|f| (f.facet.code, f.name))
                .collect(),
            collections: p.collections.into_iter().map(|c| c.slug).collect(),
            groups: p
                .option_groups
                .into_iter()
                .map(|g| (g.id, g.name))
                .collect(),
            variants: p
                .variants
                .into_iter()
                .map(|v| $crate::commerce::vendure::plain::VVariant {
                    id: v.id,
                    sku: v.sku,
                    price: v.price_with_tax,
                    stock_level: v.stock_level,
                    image: v.featured_asset.map(|a| a.preview),
                    options: v
                        .options
                        .into_iter()
                        .map(|o| (o.group_id, o.name))
                        .collect(),
                })
                .collect(),
        }
    }};
}

macro_rules! plain_address {
    ($a:expr) => {
        $a.map(|a| $crate::commerce::vendure::plain::VAddress {
            full_name: a.full_name,
            street_line1: a.street_line1,
            street_line2: a.street_line2,
            city: a.city,
            postal_code: a.postal_code,
            country_code: a.country_code,
        })
    };
}

macro_rules! plain_order {
    ($o:expr) => {{
        let o = $o;
        $crate::commerce::vendure::plain::VOrder {
            code: o.code,
            state: o.state,
            created_at: o.created_at,
            placed_at: o.order_placed_at,
            coupon_codes: o.coupon_codes,
            currency: format!("{:?}", o.currency_code),
            net_total: o.total,
            shipping: o.shipping_with_tax,
            total: o.total_with_tax,
            discounts: o
                .discounts
                .into_iter()
                .map(|d| $crate::commerce::vendure::plain::VDiscount {
                    amount: d.amount_with_tax,
                    order_wide: format!("{:?}", d.type_) == "DISTRIBUTED_ORDER_PROMOTION",
                    description: d.description,
                })
                .collect(),
            email: o.customer.map(|c| c.email_address),
            shipping_address: $crate::commerce::vendure::plain::plain_address!(o.shipping_address),
            billing_address: $crate::commerce::vendure::plain::plain_address!(o.billing_address),
            shipping_lines: o
                .shipping_lines
                .into_iter()
                .map(|s| {
                    (
                        s.shipping_method.code,
                        s.shipping_method.name,
                        s.price_with_tax,
                    )
                })
                .collect(),
            payments: o
                .payments
                .unwrap_or_default()
                .into_iter()
                .map(|p| (p.method, p.state, p.metadata.unwrap_or_default()))
                .collect(),
            fulfillments: o
                .fulfillments
                .unwrap_or_default()
                .into_iter()
                .map(|f| $crate::commerce::vendure::plain::VFulfillment {
                    state: f.state,
                    method: f.method,
                    tracking_code: f.tracking_code,
                    created_at: f.created_at,
                    updated_at: f.updated_at,
                })
                .collect(),
            updated_at: o.updated_at,
            lines: o
                .lines
                .into_iter()
                .map(|l| $crate::commerce::vendure::plain::VLine {
                    id: l.id,
                    quantity: l.quantity,
                    unit_price: l.unit_price_with_tax,
                    line_price: l.line_price_with_tax,
                    image: l.featured_asset.map(|a| a.preview),
                    variant_id: l.product_variant.id,
                    stock_level: l.product_variant.stock_level,
                    options: l
                        .product_variant
                        .options
                        .into_iter()
                        .map(|o| o.name)
                        .collect(),
                    product_slug: l.product_variant.product.slug,
                    product_name: l.product_variant.product.name,
                })
                .collect(),
        }
    }};
}

/// An address input for Vendure: graphql_client gives each mutation its own type, with the
/// same fields. Vendure copies the address to the customer, whose table wants every text
/// column set; the storefront's form has no company, province or phone, so those are empty.
macro_rules! address_input {
    ($ty:path, $a:expr) => {{
        let a: &$crate::commerce::Address = $a;
        let text = |s: &str| Some(s.to_string());
        $ty {
            full_name: text(&a.name),
            company: text(""),
            street_line1: a.line1.clone(),
            street_line2: text(&a.line2),
            city: text(&a.city),
            province: text(""),
            postal_code: text(&a.postcode),
            country_code: a.country.clone(),
            phone_number: text(""),
            default_shipping_address: None,
            default_billing_address: None,
            custom_fields: None,
        }
    }};
}

pub(super) use {address_input, plain_address, plain_order, plain_product};
