//! Unit tests of `import::facts` (where_tests), on our own paraphrased wording.

use super::*;

fn names(ks: Vec<&'static Kommun>) -> Vec<&'static str> {
    ks.iter().map(|k| k.name).collect()
}

#[test]
fn kommun_from_the_address() {
    let a = |u: &str| names(kommuner_in_address(u));
    assert_eq!(
        a("https://polisen.se/om-polisen/medborgarloften/varmlands-lan/grums/"),
        ["Grums"]
    );
    assert_eq!(
        a("https://polisen.se/om-polisen/medborgarloften/goteborg-angered/"),
        ["Göteborg"]
    );
    assert_eq!(
        a("https://polisen.se/x/medborgarloften/pajala-kommun/"),
        ["Pajala"]
    );
    assert_eq!(
        a("https://example.se/nyheter/medborgarlofte-i-dals-ed-2021/"),
        ["Dals-Ed"]
    );
    assert_eq!(a("https://www.dalsed.se/nyheter/trygghet/"), ["Dals-Ed"]);
    assert_eq!(a("https://invanare.ange.se/nyheter/lofte.html"), ["Ånge"]);
    // The kommun's own site outranks a segment that begins like a kommun ("våra").
    assert_eq!(a("https://www.ekvik-exempel.se/x/"), Vec::<&str>::new());
    assert_eq!(
        a("https://www.kalix.se/aktuellt/vara-medborgarloften-2024/"),
        ["Kalix"]
    );
    // A kommun's name inside other words of a segment is not read.
    assert!(a("https://example.se/att-vara-trygg/").is_empty());
    assert!(a("https://polisen.se/om-polisen/").is_empty());
    assert!(a("inte en adress").is_empty());
}

#[test]
fn several_kommuner_in_one_phrase_and_an_area_in_the_title() {
    assert_eq!(
        names(kommuner_phrase(
            "lokalpolisområdet och de tre kommunerna Kil, Forshaga och Grums lovar"
        )),
        ["Kil", "Forshaga", "Grums"]
    );
    assert!(kommuner_phrase("kommunerna i länet").is_empty());
    let g = kommuner::find("Göteborg").unwrap();
    assert_eq!(
        area_in_title("Göteborg, Angered – medborgarlöften", g).as_deref(),
        Some("Angered")
    );
    assert_eq!(area_in_title("Göteborg – medborgarlöften", g), None);
    assert_eq!(
        area_in_title("Medborgarlöfte för Centrum, Göteborgs stad", g).as_deref(),
        Some("Centrum")
    );
    assert_eq!(
        area_in_title("Medborgarlöfte 2024 i Norra hamnen, Göteborg", g).as_deref(),
        Some("Norra hamnen")
    );
    assert_eq!(area_in_title("Medborgarlöfte för Göteborg", g), None);
}

#[test]
fn an_area_the_promise_names() {
    let s = kommuner::find("Sollentuna").unwrap();
    assert_eq!(
        area_in_promise(
            "Under 2019 kommer polisen och kommunen att särskilt fokusera på att öka tryggheten vid torget i Edsberg. Mer text.",
            s
        )
        .as_deref(),
        Some("Edsberg")
    );
    assert_eq!(
        area_in_promise("Vi lovar att öka tryggheten i centrala Rotebro.", s).as_deref(),
        Some("centrala Rotebro")
    );
    // The kommun itself is no area, and two places are no one area.
    assert_eq!(
        area_in_promise("Polisen lovar att öka tryggheten i Sollentuna.", s),
        None
    );
    assert_eq!(
        area_in_promise(
            "Polisen lovar att öka tryggheten i Edsberg. Kommunen ska öka tryggheten i Rotebro.",
            s
        ),
        None
    );
    // The parts of a place, to the end of the sentence.
    assert_eq!(
        area_in_promise(
            "Polis och kommun lovar att arbeta för att höja de boendes trygghet i de norra delarna av Edsberg och Tureberg samt i stationsområdet. Mer.",
            s
        )
        .as_deref(),
        Some("de norra delarna av Edsberg och Tureberg samt i stationsområdet")
    );
    // The place a focus sentence names.
    assert_eq!(
        area_in_focus(
            "Löftet gäller 2024. Löftets geografiska fokus ligger på tätorten Rotebro.",
            s
        )
        .as_deref(),
        Some("tätorten Rotebro")
    );
    assert_eq!(
        area_in_focus("Det geografiska fokuset är på Sollentuna.", s),
        None
    );
}

#[test]
fn the_place_of_a_promise_s_purpose_before_lovar() {
    let k = kommuner::find("Nyköping").unwrap();
    assert_eq!(
        area_in_promise(
            "För att förebygga brott och öka känslan av trygghet i Brandkärr lovar polisen och kommunen:",
            k
        )
        .as_deref(),
        Some("Brandkärr")
    );
    // The kommun itself is no area.
    assert_eq!(
        area_in_promise("För att öka tryggheten i Nyköping lovar polisen:", k),
        None
    );
}
