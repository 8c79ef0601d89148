//! A server function's arguments read from a submitted form's fields, in the browser. Our
//! server functions take flat arguments (text, numbers, yes/no), one per field, so a form
//! is a list of names and values; serde_qs, which Leptos's `ActionForm` uses, also parses
//! nested and indexed names, and cost the browser bundles about 36 KB of wasm for it.

use serde::de::{self, DeserializeOwned, IntoDeserializer, MapAccess, Visitor};
use serde::forward_to_deserialize_any;

/// Reads `T` (a server function's argument struct) from a form's `(name, value)` pairs.
/// `None` when the fields do not make one (a number that is not one, a field missing): the
/// form is then posted as it is, and the server says what is wrong.
pub fn read<T: DeserializeOwned>(fields: Vec<(String, String)>) -> Option<T> {
    T::deserialize(Fields(fields)).ok()
}

#[derive(Debug)]
struct Unfit;

impl std::fmt::Display for Unfit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the form's fields do not fit the server function")
    }
}

impl std::error::Error for Unfit {}

impl de::Error for Unfit {
    fn custom<M: std::fmt::Display>(_: M) -> Self {
        Unfit
    }
}

struct Fields(Vec<(String, String)>);

impl<'de> de::Deserializer<'de> for Fields {
    type Error = Unfit;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unfit> {
        visitor.visit_map(FieldMap {
            fields: self.0.into_iter(),
            value: None,
        })
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum
        identifier ignored_any
    }
}

struct FieldMap {
    fields: std::vec::IntoIter<(String, String)>,
    value: Option<String>,
}

impl<'de> MapAccess<'de> for FieldMap {
    type Error = Unfit;

    fn next_key_seed<K: de::DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Unfit> {
        let Some((name, value)) = self.fields.next() else {
            return Ok(None);
        };
        self.value = Some(value);
        seed.deserialize(name.into_deserializer()).map(Some)
    }

    fn next_value_seed<V: de::DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Unfit> {
        seed.deserialize(Value(self.value.take().ok_or(Unfit)?))
    }
}

/// One field's value: text, read as the argument's type asks.
struct Value(String);

impl Value {
    fn number<N: std::str::FromStr>(&self) -> Result<N, Unfit> {
        self.0.trim().parse().map_err(|_| Unfit)
    }
}

impl<'de> de::Deserializer<'de> for Value {
    type Error = Unfit;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unfit> {
        visitor.visit_string(self.0)
    }

    /// A checkbox sends "on" (or its value) when ticked; hidden yes/no fields send "true"/"false".
    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unfit> {
        match self.0.as_str() {
            "true" | "on" => visitor.visit_bool(true),
            "false" => visitor.visit_bool(false),
            _ => Err(Unfit),
        }
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unfit> {
        visitor.visit_i64(self.number()?)
    }

    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unfit> {
        visitor.visit_u32(self.number()?)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unfit> {
        visitor.visit_some(self)
    }

    forward_to_deserialize_any! {
        i8 i16 i32 i128 u8 u16 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct newtype_struct seq tuple tuple_struct map struct enum
        identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::read;
    use serde::Deserialize;

    #[derive(Debug, PartialEq, Deserialize)]
    struct Add {
        variant_id: String,
        quantity: i64,
    }

    #[derive(Debug, PartialEq, Deserialize)]
    struct Place {
        email: String,
        #[serde(default)]
        gift: String,
        allow: bool,
    }

    fn fields(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn a_form_reads_as_the_server_function_arguments() {
        let add: Option<Add> = read(fields(&[("variant_id", "v-1"), ("quantity", " 3 ")]));
        assert_eq!(
            add,
            Some(Add {
                variant_id: "v-1".into(),
                quantity: 3
            })
        );
        let place: Option<Place> = read(fields(&[("email", "a@b.c"), ("allow", "true")]));
        assert_eq!(
            place,
            Some(Place {
                email: "a@b.c".into(),
                gift: String::new(),
                allow: true
            })
        );
    }

    /// The form is then posted as it is, and the server answers what is wrong.
    #[test]
    fn fields_that_do_not_fit_read_as_nothing() {
        let typed_words: Option<Add> = read(fields(&[("variant_id", "v"), ("quantity", "two")]));
        assert_eq!(typed_words, None);
        let missing: Option<Add> = read(fields(&[("variant_id", "v")]));
        assert_eq!(missing, None);
        let unsure: Option<Place> = read(fields(&[("email", "e"), ("allow", "maybe")]));
        assert_eq!(unsure, None);
    }

    #[test]
    fn unknown_fields_are_ignored() {
        let add: Option<Add> = read(fields(&[
            ("variant_id", "v"),
            ("quantity", "1"),
            ("utm_source", "x"),
        ]));
        assert!(add.is_some());
    }
}
