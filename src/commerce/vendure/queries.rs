//! The Shop API operations in `shop.graphql`, typed by graphql_client from the committed
//! schema: a query that names a field Vendure does not have fails the build, not a shopper.

#![allow(clippy::enum_variant_names, clippy::upper_case_acronyms)]

use graphql_client::GraphQLQuery;

// The schema's custom scalars. Money is integer minor units, as in the storefront.
pub type Money = i64;
pub type DateTime = String;
#[allow(clippy::upper_case_acronyms)]
pub type JSON = serde_json::Value;

macro_rules! operation {
    ($($name:ident),* $(,)?) => {$(
        #[derive(GraphQLQuery)]
        #[graphql(
            schema_path = "src/commerce/vendure/shop-api.graphql",
            query_path = "src/commerce/vendure/shop.graphql",
            response_derives = "Debug",
            variables_derives = "Debug"
        )]
        pub struct $name;
    )*};
}

operation!(
    Channel,
    Collections,
    Products,
    ProductBySlug,
    Search,
    ActiveOrder,
    OrderByCode,
    AddItem,
    AdjustLine,
    RemoveLine,
    ApplyCoupon,
    RemoveCoupon,
    SetCustomer,
    SetShippingAddress,
    SetBillingAddress,
    ShippingMethods,
    SetShippingMethod,
    ToState,
    PaymentMethods,
    AddPayment,
    Register,
    LogIn,
    LogOut,
    Me,
    MyOrders,
    SetGift,
);

/// Apart from the others: see shop-gifts.graphql.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "src/commerce/vendure/shop-api.graphql",
    query_path = "src/commerce/vendure/shop-gifts.graphql",
    response_derives = "Debug",
    variables_derives = "Debug"
)]
pub struct OrderWithGift;

#[cfg(test)]
mod tests {
    /// `fragment OrderFields …` up to its closing brace, as written in `document`.
    fn order_fragment(document: &str) -> &str {
        let start = document.find("fragment OrderFields").expect("the fragment");
        let end = document[start..].find("\n}\n").expect("its end") + start;
        &document[start..end]
    }

    #[test]
    fn the_gift_query_reads_orders_with_the_same_fragment() {
        assert_eq!(
            order_fragment(include_str!("shop.graphql")),
            order_fragment(include_str!("shop-gifts.graphql"))
        );
    }
}
