//! The store's words in Simplified Chinese (简体中文): full-width punctuation, no spaces
//! between Chinese words, “” for quotes, dates as 11月25日 周三.

use super::{Label, Problem};
use crate::commerce::{Refusal, Thing};

pub const STORE_NAME: &str = "Vitrine";
pub const STORE_TAGLINE: &str = "用心制作的日常好物";
pub const SKIP_TO_CONTENT: &str = "跳到正文";
pub const NAV_LABEL: &str = "商品分类";
pub const HOME: &str = "首页";

pub const LANGUAGE: &str = "语言";
pub const CURRENCY: &str = "货币";

/// A currency's name, for the switcher (its symbol and code beside it).
pub fn currency_name(c: crate::commerce::Currency) -> &'static str {
    use crate::commerce::Currency::*;
    match c {
        USD => "美元",
        EUR => "欧元",
        CNY => "人民币",
        GBP => "英镑",
        JPY => "日元",
    }
}

/// Chinese writes the yuan as plain ¥ (and the yen as JP¥), as CLDR's zh data does.
pub fn symbol(c: crate::commerce::Currency) -> &'static str {
    match c {
        crate::commerce::Currency::CNY => "¥",
        crate::commerce::Currency::JPY => "JP¥",
        c => c.symbol(),
    }
}
pub const LANGUAGE_OFFER: &str = "本店也有中文版。";
pub const LANGUAGE_SWITCH: &str = "切换到中文";
pub const LANGUAGE_STAY: &str = "继续使用中文";

pub const HERO_TITLE: &str = "好用，天天都用";
pub const HERO_TEXT: &str = "来自独立匠人的服饰、厨具与家居好物。30 天内免费退货。";
pub const HERO_CTA: &str = "看看精选好物";
pub const SHOP_BY_CATEGORY: &str = "按分类选购";
pub const FEATURED: &str = "精选";

pub const SOLD_OUT: &str = "已售罄";
pub const SALE: &str = "特价";
pub const FROM: &str = "起";
pub const REGULAR_PRICE: &str = "原价";
pub const SALE_PRICE: &str = "特价";
pub const QUANTITY: &str = "数量";
pub const ADD_TO_CART: &str = "加入购物车";
pub const ADDING: &str = "正在加入…";
pub const UNAVAILABLE_COMBINATION: &str = "暂无此组合";
pub const DESCRIPTION: &str = "商品详情";
pub const PRODUCT_IMAGES: &str = "商品图片";

pub const CART: &str = "购物车";
pub const YOUR_CART: &str = "我的购物车";
pub const CART_EMPTY: &str = "购物车还是空的。";
pub const CART_EMPTY_HINT: &str = "去逛逛分类，总有你喜欢的。";
pub const CONTINUE_SHOPPING: &str = "继续购物";
pub const SUBTOTAL: &str = "小计";
pub const SHIPPING_AT_CHECKOUT: &str = "运费和税费会在付款前显示。";
pub const VIEW_CART: &str = "查看购物车";
pub const CLOSE: &str = "关闭";
pub const UPDATE: &str = "更新";
pub const REMOVE: &str = "删除";
pub const ADDED_TO_CART: &str = "已加入购物车";
pub const CART_EXPIRED: &str = "购物车已过期，请重新加入商品。";
pub const CHOOSE_OPTION: &str = "请选择一个有货的规格。";

pub const BREADCRUMB: &str = "面包屑导航";
/// The designers' gallery (/gallery).
pub const GALLERY_TITLE: &str = "组件画廊";
pub const GALLERY_INTRO: &str =
    "每个共享组件在顾客会遇到的各种状态下的样子，数据来自示例：浅色、深色和手机宽度。";
pub const GALLERY_INDEX: &str = "组件";

pub const PAGINATION: &str = "分页";
pub const PREVIOUS: &str = "上一页";
pub const NEXT: &str = "下一页";

pub const NOT_FOUND_TITLE: &str = "找不到该页面";
pub const NOT_FOUND_TEXT: &str = "我们没有找到这个页面，它可能已移动，或者链接有误。";
pub const ERROR_TITLE: &str = "出了点问题";
pub const BACK_HOME: &str = "返回首页";
pub const LOADING: &str = "加载中…";
pub const FOOTER_NOTE: &str = "价格已含适用的增值税。30 天内免费退货。";

/// Read as "购物车，3 件商品" while "购物车 3" shows (label in name).
pub const CART_COUNT_BEFORE: &str = "，";

pub fn cart_count_after(_count: u32) -> &'static str {
    " 件商品"
}

pub fn items(count: u32) -> String {
    format!("{count} 件商品")
}

pub fn products_count(count: u32) -> String {
    format!("共 {count} 件商品")
}

pub fn page_of(page: u32, pages: u32) -> String {
    format!("第 {page} 页，共 {pages} 页")
}

pub fn percent_off(pct: u32) -> String {
    format!("−{pct}%")
}

pub fn only_left(n: u32) -> String {
    format!("仅剩 {n} 件")
}

/// "$1,234.50": the symbol first, as in English.
pub fn money(m: crate::commerce::Money) -> String {
    let (sign, n) = super::number::money_parts(super::Locale::Zh, m);
    format!("{sign}{}{n}", symbol(m.currency))
}

/// A bare count (the cart badge, page numbers), in the language's digits.
pub fn count(n: u32) -> String {
    n.to_string()
}

/// A price filter's band: "$25 以下", "$25–$50", "$200 以上".
pub fn price_band(from: Option<i64>, to: Option<i64>, c: crate::commerce::Currency) -> String {
    let whole = |n: i64| {
        format!(
            "{}{}",
            symbol(c),
            super::number::decimal(super::Locale::Zh, n, 0)
        )
    };
    match (from, to) {
        (None, Some(to)) => format!("{} 以下", whole(to)),
        (Some(from), Some(to)) => format!("{}–{}", whole(from), whole(to)),
        (Some(from), None) => format!("{} 以上", whole(from)),
        (None, None) => String::new(),
    }
}

pub const IN_STOCK: &str = "有货";

pub fn quantity_of(name: &str) -> String {
    format!("{name}的数量")
}

pub fn remove_item(name: &str) -> String {
    format!("删除{name}")
}

pub fn quantity_too_small(min: u32) -> String {
    format!("数量至少为 {min}。")
}

pub fn quantity_too_large(max: u32) -> String {
    format!("同一件商品最多可加 {max} 件。")
}

pub const UNREADABLE: &str = "请求不完整，请重试。";
pub const UNAVAILABLE: &str = "商店暂时出了点问题，没有做任何更改，请稍后再试。";
pub const UNCONFIRMED: &str =
    "商店未能及时确认此操作。请稍等片刻，确认后再重试；同一订单绝不会重复下单。";
pub const UNREACHABLE: &str = "无法连接到商店，请检查网络后重试。";
pub const RATE_LIMITED: &str = "短时间内尝试次数过多，请等几分钟再试。";

pub fn not_found(t: Thing) -> String {
    let what = match t {
        Thing::Page => "该页面",
        Thing::Product => "该商品",
        Thing::Category => "该分类",
        Thing::Order => "该订单",
        Thing::CartLine => "该商品",
        Thing::Customer => "该账户",
        Thing::Record => "相关内容",
    };
    format!("找不到{what}。")
}

pub fn out_of_stock(product: &str, available: u32) -> String {
    match available {
        0 => format!("{product}已售罄。"),
        n => format!("{product}仅剩 {n} 件，购物车无法再加。"),
    }
}

super::composed!();

/// What a backend's refusal tells the shopper.
pub fn refusal(r: &Refusal) -> String {
    match r {
        Refusal::QuantityTooSmall { min } => quantity_too_small(*min),
        Refusal::QuantityTooLarge { max } => quantity_too_large(*max),
        Refusal::CartFull { lines } => {
            format!("购物车最多可放 {lines} 种商品，请先结账或删除一种。")
        }
        Refusal::GiftsNotSupported => "本店暂不支持礼品留言。".into(),
        Refusal::EmailNotConfirmed => "请先通过我们发送的链接确认你的邮箱。".into(),
        Refusal::PasswordRejected => format!("商店不接受这个密码。{PASSWORD_RULE}"),
        Refusal::StatusCannotMove { from, to } => format!(
            "该订单当前为 {}，无法变为 {}。",
            from.as_str(),
            to.map_or("下一状态", |t| t.as_str())
        ),
        Refusal::CurrencyChanged { shown, now } => format!(
            "价格现以 {} 显示，而不是 {}。尚未扣款：请核对新的总额后再次下单。",
            now.code(),
            shown.code()
        ),
        Refusal::BundleNotPromoted { percent } => format!(
            "商务后台不会为这组商品打折，因此未添加：请先在后台创建促销（购物车中含每件商品；这些商品减 {percent}%），再重新添加。"
        ),
        Refusal::Backend => "商店无法完成此操作，没有做任何更改。".into(),
    }
}

pub const CHECKOUT: &str = "结账";
pub const CHECKOUT_TITLE: &str = "结账";
pub const CONTACT: &str = "联系方式";
pub const EMAIL: &str = "电子邮箱";
pub const EMAIL_HINT: &str = "用于发送收据和配送进度，不会发送推广邮件。";
pub const SHIPPING_ADDRESS: &str = "收货地址";
pub const FULL_NAME: &str = "姓名";
pub const ADDRESS_LINE1: &str = "地址";
pub const ADDRESS_LINE2: &str = "门牌号、楼层等（选填）";
pub const CITY: &str = "城市";
pub const POSTCODE: &str = "邮政编码";
pub const COUNTRY: &str = "国家/地区";
pub const DELIVERY: &str = "配送方式";
pub const PAYMENT: &str = "支付方式";
pub const PAY_BY_CARD: &str = "银行卡";
pub const PAY_ON_DELIVERY: &str = "货到付款";
pub const PAY_ON_DELIVERY_HINT: &str = "包裹送达时向快递员刷卡或付现金。";
pub const CARD_NUMBER: &str = "卡号";
pub const CARD_EXPIRY: &str = "有效期（月/年，MM/YY）";
pub const CARD_CVC: &str = "安全码";
pub const CARD_TEST_HINT: &str =
    "测试商店：请使用 4242 4242 4242 4242、任意未来日期和任意 3 位数字。";
pub const ORDER_SUMMARY: &str = "订单摘要";
pub const SHIPPING: &str = "运费";
pub const FREE: &str = "免费";
/// The tax line, with the rate in basis points (800 is 8%).
pub fn tax(basis_points: i64) -> String {
    match basis_points % 100 {
        0 => format!("税费（{}%）", basis_points / 100),
        _ => format!("税费（{}.{:02}%）", basis_points / 100, basis_points % 100),
    }
}
pub const TAX_INCLUDED: &str = "已含税";
pub const IN_PRICES: &str = "含在价格中";
pub const TOTAL: &str = "合计";
pub const PLACE_ORDER: &str = "提交订单";
pub const PLACING_ORDER: &str = "正在提交订单…";
pub const BUY_NOW: &str = "立即购买";

pub const WIDGET_REFUSED: &str = "此页面无法使用本店。";
pub const WIDGET_NO_PRODUCT: &str = "该商品暂不可用。";
pub const WIDGET_CART_EMPTY: &str = "购物车还是空的。";

pub fn pay_on_delivery_limit(currency: crate::commerce::Currency) -> String {
    use crate::commerce::checkout::PAY_ON_DELIVERY_MAX_UNITS;
    format!(
        "货到付款仅适用于 {PAY_ON_DELIVERY_MAX_UNITS} 件以内、金额不超过 {} 的订单。此订单请使用银行卡支付。",
        crate::commerce::checkout::pay_on_delivery_max(currency)
    )
}
pub const UNUSUAL_CHARACTERS: &str = "请删除此栏中的特殊字符（不可见符号或多余的换行）。";
pub const REQUEST_TOO_LARGE: &str = "请求内容过大，商店无法读取，没有做任何更改。";
pub const CROSS_SITE_REFUSED: &str =
    "此请求并非来自本店页面，因此没有做任何更改。请打开商店后再试。";
pub fn widget_origin_refused(origin: &str) -> String {
    format!(
        "本店不允许在 {origin} 上使用小组件。店主可以把 {origin} 加入 VITRINE_WIDGET_ORIGINS 来允许该网站。"
    )
}
pub const REMEMBER_ME: &str = "在此设备上记住我的信息";
pub const REMEMBER_ME_HINT: &str =
    "邮箱、地址和选项只保存在此设备的 Cookie 中，绝不保存银行卡信息。";
pub const REMEMBERED: &str = "你的信息已保存在此设备上。";
pub const FORGET_ME: &str = "清除信息";
pub const GIFT: &str = "礼品";
pub const GIFT_TOGGLE: &str = "这是礼物——寄给其他人";
pub const RECIPIENT_ADDRESS: &str = "收礼人地址";
pub const RECIPIENT_HINT: &str = "我们会送到这里，你的地址仍显示在收据上。";
pub const GIFT_MESSAGE: &str = "礼品留言（选填）";
pub const GIFT_HIDE_PRICES: &str = "装箱单上不显示价格";
pub const GIFT_SUMMARY: &str = "作为礼物寄出";
pub const PRICES_HIDDEN: &str = "装箱单上不显示价格。";
pub const BILLED_TO: &str = "你的地址";
pub const CHOOSE_PAYMENT: &str = "请选择支付方式。";
pub const CHOOSE_SHIPPING: &str = "请选择配送方式。";
pub const ORDER_CONFIRMED: &str = "谢谢！你的订单已确认";
pub const ORDER_NUMBER: &str = "订单号";
pub const ARRIVES: &str = "预计送达";
pub const SHIPS_TO: &str = "寄送至";
pub const PAID_WITH: &str = "支付方式";
pub const TRACK_HINT: &str = "收藏此页面，或之后用订单号和邮箱查询订单。";
pub const ORDER_TITLE: &str = "你的订单";
pub const PROGRESS: &str = "订单进度";
pub const CARRIER: &str = "快递公司";
pub const TRACKING_NUMBER: &str = "运单号";
pub const LIVE_HINT: &str = "订单有进展时，此页面会自动更新。";
pub const PACKING_SLIP: &str = "装箱单";

pub fn timeline_step(s: crate::commerce::OrderStatus, pay_on_delivery: bool) -> &'static str {
    match s {
        crate::commerce::OrderStatus::Paid if pay_on_delivery => "已确认 · 货到付款",
        other => order_status(other),
    }
}

pub fn order_status(s: crate::commerce::OrderStatus) -> &'static str {
    use crate::commerce::OrderStatus as S;
    match s {
        S::Placed => "已下单",
        S::Paid => "已付款",
        S::Packed => "已打包",
        S::Shipped => "已发货",
        S::OutForDelivery => "派送中",
        S::Delivered => "已送达",
        S::Cancelled => "已取消",
        S::Refunded => "已退款",
    }
}

pub fn punctuality(p: crate::commerce::tracking::Punctuality) -> Option<&'static str> {
    use crate::commerce::tracking::Punctuality as P;
    match p {
        P::OnTrack => Some("预计在承诺时间内送达"),
        P::Late => Some("抱歉，已超过承诺的送达时间。"),
        P::DeliveredOnTime => Some("已按时送达"),
        P::DeliveredLate => Some("送达时间晚于承诺"),
        P::NotApplicable => None,
    }
}

/// "11月23日 周一 14:05 UTC": one zone for everyone, so server and browser render the same.
pub fn moment(unix: i64) -> String {
    let d = crate::commerce::checkout::Day::from_unix(unix);
    let secs = unix.rem_euclid(86_400);
    format!(
        "{} {:02}:{:02} UTC",
        day(d),
        secs / 3_600,
        secs % 3_600 / 60
    )
}

pub const LOOKUP_TITLE: &str = "查询订单";
pub const LOOKUP_INTRO: &str = "请输入订单号（见确认页面）和下单时使用的邮箱。";
pub const LOOKUP_CODE: &str = "订单号";
pub const LOOKUP_CODE_HINT: &str = "例如 VT-7K3M9QX2。";
pub const LOOKUP_SUBMIT: &str = "查询订单";
pub const LOOKUP_CODE_NEEDED: &str = "请输入订单号，例如 VT-7K3M9QX2。";
pub const LOOKUP_NOT_FOUND: &str = "没有找到与该订单号和邮箱匹配的订单，请核对后重试。";
pub const TRACK_ORDER: &str = "查询订单";

/// A country's name, for the codes the store ships to (`commerce::checkout::SHIPS_TO`).
pub fn country_name(code: &str) -> &str {
    match code {
        "US" => "美国",
        "CA" => "加拿大",
        "GB" => "英国",
        "IE" => "爱尔兰",
        "DE" => "德国",
        "FR" => "法国",
        "NL" => "荷兰",
        "ES" => "西班牙",
        "IT" => "意大利",
        "AU" => "澳大利亚",
        other => other,
    }
}

pub fn field_required(label: Label) -> String {
    let named = match label {
        Label::FullName => "姓名",
        Label::Address => "地址",
        Label::Address2 => "门牌号、楼层等",
        Label::City => "城市",
        Label::Postcode => "邮政编码",
        Label::GiftMessage => "礼品留言",
    };
    format!("请填写{named}。")
}

pub const BAD_EMAIL: &str = "请输入有效的邮箱地址，例如 name@example.com。";
pub const BAD_POSTCODE: &str = "请输入有效的邮政编码。";
pub const BAD_COUNTRY: &str = "请选择我们可以配送的国家/地区。";
pub const TOO_LONG: &str = "内容太长了。";

pub fn card_problem(p: crate::commerce::checkout::CardProblem) -> &'static str {
    use crate::commerce::checkout::CardProblem as P;
    match p {
        P::Number => "卡号似乎不正确，请检查。",
        P::Expiry => "请按 MM/YY 格式填写有效期。",
        P::Expired => "这张卡已过期，请换一张。",
        P::Cvc => "请输入 3 位或 4 位安全码。",
    }
}

pub fn decline(d: crate::commerce::checkout::Decline) -> &'static str {
    use crate::commerce::checkout::Decline as D;
    match d {
        D::Declined => "你的卡被拒绝，未扣款，请换一张卡。",
        D::InsufficientFunds => "你的卡因余额不足被拒绝，未扣款，请换一张卡。",
    }
}

const WEEKDAYS: [&str; 7] = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];

/// "11月25日 周三".
/// A date a shopper may read years later (a review's): "2026年2月1日".
pub fn dated(d: crate::commerce::checkout::Day) -> String {
    let (y, m, dd) = d.civil();
    format!("{y}年{m}月{dd}日")
}

pub fn day(d: crate::commerce::checkout::Day) -> String {
    let (_, m, dd) = d.civil();
    format!("{m}月{dd}日 {}", WEEKDAYS[d.weekday() as usize])
}

pub fn delivery_window(
    from: crate::commerce::checkout::Day,
    to: crate::commerce::checkout::Day,
) -> String {
    if from == to {
        day(from)
    } else {
        format!("{} 至 {}", day(from), day(to))
    }
}

pub fn shipping_label(code: &str, label: &str, min_days: u32, max_days: u32) -> String {
    let label = match code {
        "standard" => "标准配送",
        "express" => "加急配送",
        _ => label,
    };
    format!("{label} · {min_days}–{max_days} 个工作日")
}

pub fn card_ending(brand: &str, last4: &str) -> String {
    format!("{brand}（尾号 {last4}）")
}

pub const COUPON: &str = "优惠码";
pub fn coupon_hint(save15_from: crate::commerce::Money) -> String {
    format!(
        "测试商店：可试试 WELCOME10、SAVE15（满 {}）、FREESHIP 或 SUMMER25。",
        money(save15_from)
    )
}
pub const COUPON_APPLY: &str = "使用";
pub const COUPON_REMOVE: &str = "移除";
pub const DISCOUNT: &str = "优惠";
pub const COUPON_NEEDED: &str = "请输入优惠码。";

pub fn coupon_problem(p: &crate::commerce::promotions::CouponProblem) -> String {
    use crate::commerce::promotions::CouponProblem as P;
    match p {
        P::Unknown => "无法识别这个优惠码，请检查拼写。".into(),
        P::Expired {
            last_day: Some(last_day),
        } => format!("该优惠码已于 {} 过期。", day(*last_day)),
        P::Expired { last_day: None } => "该优惠码已过期。".into(),
        P::BelowMinimum {
            min_spend,
            short_by,
        } => format!("该优惠码需购满 {min_spend}，再买 {short_by} 即可使用。"),
    }
}

/// "WELCOME10 · 9折", for the applied coupon in the summary.
pub fn coupon_label(c: &crate::commerce::promotions::Coupon) -> String {
    use crate::commerce::promotions::Discount as D;
    let what = match c.discount {
        D::PercentOff(p) => format!("减 {p}%"),
        D::AmountOff(m) => format!("减 {m}"),
        D::FreeShipping => "标准配送免运费".into(),
    };
    format!("{} · {what}", c.code)
}

pub const ACCOUNT: &str = "账户";
pub const ACCOUNT_TITLE: &str = "我的账户";
pub const SIGN_IN: &str = "登录";
pub const SIGN_IN_INTRO: &str = "欢迎回来。";
pub const REGISTER: &str = "创建账户";
pub const REGISTER_INTRO: &str = "非必需：游客也能随时结账。账户会保存你的地址和订单。";
pub const SIGN_OUT: &str = "退出登录";
pub const PASSWORD: &str = "密码";
pub const PASSWORD_HINT: &str = "至少 10 个字符，用一句话更好记。";
pub const PASSWORD_RULE: &str = "请使用 10 到 128 个字符的密码。";
pub const SIGN_IN_FAILED: &str = "邮箱或密码不正确。";
pub const EMAIL_TAKEN: &str = "该邮箱已注册账户，请直接登录。";
pub const YOUR_ORDERS: &str = "我的订单";
pub const NO_ORDERS: &str = "还没有订单。";
pub const SAVED_ADDRESSES: &str = "已保存的地址";
pub const NO_ADDRESSES: &str = "你寄送过的地址会保存在这里。";
pub const SIGNED_IN_AS: &str = "当前登录";

pub const SEARCH: &str = "搜索";
pub const SEARCH_PLACEHOLDER: &str = "搜索商品";

pub fn search_title(query: &str) -> String {
    if query.is_empty() {
        SEARCH.to_string()
    } else {
        format!("“{query}”的搜索结果")
    }
}

pub fn no_results(query: &str) -> String {
    format!("没有找到与“{query}”匹配的商品。试试减少关键词，或逛逛分类：")
}

pub const FILTERS: &str = "筛选";
pub const FILTER_APPLY: &str = "查看结果";
pub const SORT_BY: &str = "排序";
pub const FACET_CATEGORY: &str = "分类";
pub const FACET_COLOUR: &str = "颜色";
pub const FACET_SIZE: &str = "尺码";
pub const FACET_PRICE: &str = "价格";
pub const FACET_STOCK: &str = "库存";
pub const FACET_RATING: &str = "评分";
pub const CLEAR_FILTERS: &str = "清除全部筛选";
pub const NO_MATCH_FILTERS: &str = "没有符合这些筛选条件的商品。";
pub const POPULAR_NOW: &str = "当下热门";
pub const RESULTS: &str = "商品";
pub const CART_DESCRIPTION: &str = "购物车里的商品，以及去结账的入口。";

pub fn category_description(name: &str, count: u32) -> String {
    format!("{STORE_NAME} 的{name}：{}。", products_count(count))
}
pub const BROWSE_CATEGORIES: &str = "逛逛分类";
pub const SUGGESTION_CATEGORY: &str = "分类";

pub fn rated_only(count: u32) -> String {
    format!("4 星及以上（{count}）")
}

pub fn in_stock_only(count: u32) -> String {
    format!("仅看有货（{count}）")
}

pub fn facet_value(label: &str, count: u32) -> String {
    format!("{label}（{count}）")
}

pub fn filters_button(ticked: usize) -> String {
    if ticked == 0 {
        FILTERS.to_string()
    } else {
        format!("{FILTERS}（{ticked}）")
    }
}

pub fn sort_label(sort: crate::discovery::Sort) -> &'static str {
    use crate::discovery::Sort;
    match sort {
        Sort::Relevance => "最相关",
        Sort::PriceLow => "价格从低到高",
        Sort::PriceHigh => "价格从高到低",
        Sort::Newest => "最新上架",
        Sort::BestSelling => "最畅销",
        Sort::TopRated => "评分最高",
    }
}

pub fn browse_sort_label(sort: crate::discovery::Sort) -> &'static str {
    match sort {
        crate::discovery::Sort::Relevance => "推荐",
        other => sort_label(other),
    }
}

pub fn showing_results_for(corrected: &str) -> String {
    format!("以下是“{corrected}”的结果")
}

pub fn no_exact_match(typed: &str) -> String {
    format!("没有与“{typed}”完全匹配的结果。")
}

pub const DID_YOU_MEAN: &str = "你是不是要找";

pub fn search_for(q: &str) -> String {
    format!("搜索“{q}”")
}

pub fn suggestions_count(n: usize) -> String {
    match n {
        0 => "没有建议".into(),
        n => format!("{n} 条建议，可用方向键选择。"),
    }
}

pub const PERSONALISED_NOTE: &str = "根据你在本店的浏览偏好排序。";
pub const PRIVACY_CENTRE: &str = "隐私中心";

pub const FOR_YOU: &str = "为你推荐";
pub const RECENTLY_VIEWED: &str = "最近浏览";
pub const BOUGHT_TOGETHER: &str = "经常一起购买";
pub const YOU_MAY_LIKE: &str = "你可能也喜欢";
pub const SIMILAR_PRODUCTS: &str = "相似商品";
pub const GOES_WITH_CART: &str = "和购物车里的商品很搭";

#[cfg(feature = "ui")]
fn and_list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [first @ .., last] => format!("{}和{last}", first.join("、")),
    }
}

/// A recommendation row's heading and the sentence saying why it is shown.
#[cfg(feature = "ui")]
pub fn row_text(reason: &crate::discovery::Reason, in_cart: bool) -> (&'static str, String) {
    use crate::discovery::Reason;
    match reason {
        Reason::BecauseYouViewed(names) if names.is_empty() => {
            (FOR_YOU, "根据你在本店的浏览挑选。".into())
        }
        Reason::BecauseYouViewed(names) => (FOR_YOU, format!("因为你看过{}。", and_list(names))),
        Reason::RecentlyViewed => (RECENTLY_VIEWED, "仅保存在此设备上，且经过你的同意。".into()),
        Reason::BoughtWith(names) if in_cart => (
            GOES_WITH_CART,
            format!("买了{}的顾客也买了这些。", and_list(names)),
        ),
        Reason::BoughtWith(names) => (
            BOUGHT_TOGETHER,
            format!("买了{}的顾客也买了这些。", and_list(names)),
        ),
        Reason::LikeThis(name) => (
            YOU_MAY_LIKE,
            format!("{name}的订单还不多，先看看与它相似的商品。"),
        ),
        Reason::SimilarTo(name) => (
            SIMILAR_PRODUCTS,
            format!("在品类、价格和颜色上与{name}相近。"),
        ),
    }
}

pub const CONSENT_TITLE: &str = "要为你个性化推荐吗？";
pub const CONSENT_TEXT: &str = "我们会在此设备上记住你浏览、加购和购买的商品，用于推荐，绝不外传。";
pub const CONSENT_YES: &str = "好的，个性化";
pub const CONSENT_NO: &str = "不用了";

pub const PRIVACY_TITLE: &str = "隐私中心";
pub const PRIVACY_LEAD: &str = "本店记住的关于你浏览的一切，都在这里用大白话说明。它们保存在签名 Cookie 和此浏览器的存储中，从不保存在我们的服务器上，也从不与任何人分享。";
pub const PRIVACY_ON: &str = "个性化已开启。";
pub const PRIVACY_OFF: &str = "个性化已关闭，不会记录任何内容。";
pub const PRIVACY_UNASKED: &str = "你还没有选择。在你同意之前，不会记录任何内容。";
pub const PRIVACY_TURN_ON: &str = "开启个性化";
pub const PRIVACY_WITHDRAW: &str = "撤回同意并删除";
pub const PRIVACY_NOTHING: &str = "没有任何记录。";
pub const PRIVACY_EXPORT: &str = "下载 JSON 文件";
pub const PRIVACY_DELETE: &str = "全部删除";
pub const PRIVACY_RECORDED: &str = "记录了什么";
pub const PRIVACY_DELETED: &str = "已删除。Cookie 已清除，此浏览器的存储已清空。";

/// One recorded event in plain words.
pub fn privacy_event(e: &crate::discovery::profile::Event, now: i64) -> String {
    use crate::discovery::profile::Kind;
    let when = ago(now - e.at);
    match e.kind {
        Kind::View => format!("你在{when}浏览了{}。", e.name),
        Kind::Cart => format!("你在{when}把{}加入了购物车。", e.name),
        Kind::Purchase => format!("你在{when}购买了{}。", e.name),
        Kind::Search => format!("你在{when}搜索了“{}”。", e.subject),
    }
}

fn ago(seconds: i64) -> String {
    match seconds.max(0) {
        0..60 => "刚才".into(),
        s @ 60..3_600 => format!("{} 分钟前", s / 60),
        s @ 3_600..86_400 => format!("{} 小时前", s / 3_600),
        s => format!("{} 天前", s / 86_400),
    }
}

pub const WISHLIST: &str = "心愿单";
pub const SAVE_TO_WISHLIST: &str = "加入心愿单";
pub const SAVED_IN_WISHLIST: &str = "已加入心愿单";
pub const REMOVE_FROM_WISHLIST: &str = "从心愿单移除";
pub const WISHLIST_EMPTY: &str = "还没有收藏。点商品上的爱心，之后就能在这里找到它。";
pub const BACK_IN_STOCK: &str = "已到货";
pub const NO_LONGER_AVAILABLE: &str = "已下架";
pub const SHARE_WISHLIST: &str = "分享此清单";
pub const SHARED_WISHLIST: &str = "分享的心愿单";
pub const SHARE_LINK_NOTE: &str =
    "任何拿到此链接的人都能看到你分享时的清单，不会显示你的名字。复制后即可发送：";
pub const SHARE_LINK: &str = "清单链接";
pub const CHOOSE_OPTIONS: &str = "选择款式";

pub fn save_named(name: &str) -> String {
    format!("把{name}加入心愿单")
}

pub fn unsave_named(name: &str) -> String {
    format!("把{name}从心愿单移除")
}

/// A saved item that costs less than when it was saved.
pub fn price_dropped(was: crate::commerce::Money) -> String {
    format!("比收藏时便宜了（原价 {}）", money(was))
}

pub fn wishlist_full(max: u32) -> String {
    format!("心愿单最多可存 {max} 件商品。请先移除一件再收藏。")
}

pub const REVIEWS: &str = "评价";
pub const NO_REVIEWS: &str = "还没有评价。只有购买过此商品的顾客才能评价。";
pub const NO_MATCHING_REVIEWS: &str = "还没有这个星级的评价。";
pub const SORT_REVIEWS: &str = "评价排序";
pub const MOST_HELPFUL: &str = "最有帮助";
pub const NEWEST: &str = "最新";
pub const ALL_RATINGS: &str = "全部星级";
pub const FILTER_REVIEWS: &str = "只看";
pub const VERIFIED_PURCHASE: &str = "已验证购买";
pub const HELPFUL: &str = "有帮助";
pub const YOU_FOUND_HELPFUL: &str = "你觉得有帮助";
pub const REPORT_REVIEW: &str = "举报此评价";
pub const REPORTED_THANKS: &str = "谢谢，店铺会查看这条评价。";
pub const REVIEWED_PUBLISHED: &str = "谢谢！你的评价已发布。";
pub const REVIEWED_PENDING: &str = "谢谢！店铺审核后，你的评价会显示在这里。";
pub const REVIEWED_DELETED: &str = "你的评价已删除。";
pub const WRITE_REVIEW: &str = "写评价";
pub const EDIT_REVIEW: &str = "修改你的评价";
pub const YOUR_RATING: &str = "你的评分";
pub const REVIEW_TITLE: &str = "标题";
pub const REVIEW_TEXT: &str = "你的评价";
pub const NAME_SHOWN: &str = "显示的名字";
pub const NAME_SHOWN_HINT: &str = "其他顾客会看到的名字，例如名和姓的首字母。";
pub const PUBLISH_REVIEW: &str = "发布评价";
pub const SAVE_REVIEW: &str = "保存修改";
pub const DELETE_REVIEW: &str = "删除评价";
pub const REVIEW_WAITING: &str = "你的评价正在等待店铺审核。";
pub const REVIEW_YOUR_PURCHASES: &str = "评价你买到的商品";
pub const REVIEW_PRODUCT: &str = "写评价";
pub const BACK_TO_ORDER: &str = "返回订单";
pub const REVIEW_PAGES: &str = "评价分页";

pub fn reviews_count(n: u32) -> String {
    format!("{n} 条评价")
}

pub fn average(tenths: u32) -> String {
    super::number::decimal(super::Locale::Zh, tenths.into(), 1)
}

pub fn rating_said(tenths: u32, count: u32) -> String {
    format!(
        "评分 {}（满分 5），共 {}",
        average(tenths),
        reviews_count(count)
    )
}

pub fn stars_said(stars: u8) -> String {
    format!("评分 {stars}（满分 5）")
}

pub fn stars_count(stars: u8) -> String {
    format!("{stars} 星")
}

pub fn found_helpful(n: u32) -> String {
    format!("{n} 人觉得有帮助")
}

pub fn review_of(product: &str) -> String {
    format!("评价：{product}")
}

pub fn review_text_hint(max: u32) -> String {
    format!("纯文本，最多 {max} 个字。链接只显示为文字。")
}

pub fn review_problem(p: &crate::commerce::reviews::ReviewProblem) -> String {
    use crate::commerce::reviews::ReviewProblem as R;
    match p {
        R::Stars => "请选择 1 到 5 星。".into(),
        R::TitleNeeded => "请给你的评价写一个标题。".into(),
        R::TitleTooLong { max } => format!("标题请不要超过 {max} 个字。"),
        R::TextTooShort { min } => format!("请至少写 {min} 个字。"),
        R::TextTooLong { max } => format!("评价请不要超过 {max} 个字，现在太长了。"),
        R::Markup => "评价只能是纯文本，请不要包含 HTML 或脚本。".into(),
        R::Name => "请填写要显示的名字：只用文字、空格、点或连字符，最多 40 个字。".into(),
        R::NotBought => "只有购买过此商品的顾客才能评价，而这个订单里没有它。".into(),
        R::NotDelivered => "订单送达后才能评价。".into(),
        R::AlreadyReviewed => "你已经为这个订单评价过此商品，可以修改那条评价。".into(),
        R::AlreadyVoted => "你已经标记过这条评价有帮助。".into(),
        R::AlreadyReported => "你已经举报过这条评价，店铺会查看。".into(),
        R::Gone => "这条评价已不再显示。".into(),
    }
}

// The privacy centre's statistics section (api/events.rs, pages/privacy.rs).
pub const ACTIVITY_TITLE: &str = "商店自己的统计";
pub fn activity_count(count: u64) -> String {
    if count == 0 {
        "此浏览器的标识下没有记录任何步骤。".into()
    } else {
        format!("此浏览器的标识下记录了 {count} 个步骤（页面、搜索、购物车、订单）。")
    }
}
pub const ACTIVITY_NOTE: &str = "未经你同意，或开启了“请勿跟踪”或“全球隐私控制”时，商店只统计访问了什么，从不记录是谁。数据不会交给任何其他方。删除上面的数据或撤回同意时，这些也会一并删除。";

// Bundles (api/bundles.rs, components/buy_together.rs).
pub const SET_TITLE: &str = "经常一起购买";
pub fn bundle_title(percent: u32) -> String {
    format!("一起购买，立省 {percent}%")
}
pub fn add_set(count: usize) -> &'static str {
    if count >= 3 {
        "三件都加入购物车"
    } else {
        "两件都加入购物车"
    }
}
pub fn set_total(total: &str, varies: bool) -> String {
    if varies {
        format!("合计 {total} 起")
    } else {
        format!("合计 {total}")
    }
}
pub fn you_save(amount: &str) -> String {
    format!("节省 {amount}")
}
pub fn option_for(name: &str) -> String {
    format!("{name} 的选项")
}
pub const AFTER_SAVINGS: &str = "优惠后";
pub fn saving_label(label: &str, percent: Option<u32>) -> String {
    match percent {
        Some(p) => format!("组合优惠：{label}（减 {p}%）"),
        None => label.to_string(),
    }
}
