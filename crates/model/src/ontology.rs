//! The closed vocabularies: entity kinds, event types with their PLOVER parents, and
//! modality.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// The kinds of entity Pactwatch recognizes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Person,
    Organization,
    Country,
    Location,
    /// A weapon system (`Mohajer-6`) or a class of military equipment (`drones`).
    Equipment,
}

impl EntityKind {
    pub const ALL: [EntityKind; 5] = [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Country,
        EntityKind::Location,
        EntityKind::Equipment,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Country => "country",
            EntityKind::Location => "location",
            EntityKind::Equipment => "equipment",
        }
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The 16 top-level event types of PLOVER (Open Event Data Alliance, 2021).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Plover {
    Agree,
    Consult,
    Support,
    Concede,
    Cooperate,
    Aid,
    Retreat,
    Request,
    Accuse,
    Reject,
    Threaten,
    Protest,
    Sanction,
    Mobilize,
    Coerce,
    Assault,
    /// Not a PLOVER event: elections and inaugurations, kept for the record.
    None,
}

impl Plover {
    pub const ALL: [Plover; 16] = [
        Plover::Agree,
        Plover::Consult,
        Plover::Support,
        Plover::Concede,
        Plover::Cooperate,
        Plover::Aid,
        Plover::Retreat,
        Plover::Request,
        Plover::Accuse,
        Plover::Reject,
        Plover::Threaten,
        Plover::Protest,
        Plover::Sanction,
        Plover::Mobilize,
        Plover::Coerce,
        Plover::Assault,
    ];

    /// Cooperation (+1), conflict (-1) or neither (0), for relation balances.
    pub fn polarity(self) -> i8 {
        match self {
            Plover::Agree
            | Plover::Consult
            | Plover::Support
            | Plover::Concede
            | Plover::Cooperate
            | Plover::Aid => 1,
            Plover::Retreat | Plover::Request | Plover::None => 0,
            Plover::Accuse
            | Plover::Reject
            | Plover::Threaten
            | Plover::Protest
            | Plover::Sanction
            | Plover::Mobilize
            | Plover::Coerce
            | Plover::Assault => -1,
        }
    }
}

macro_rules! event_types {
    ($($variant:ident = $name:literal => $plover:ident, $doc:literal;)*) => {
        /// Pactwatch's event types; each is a subtype of one PLOVER type.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum EventType {
            $(#[doc = $doc] $variant,)*
        }

        impl EventType {
            pub const ALL: &'static [EventType] = &[$(EventType::$variant,)*];

            pub fn as_str(self) -> &'static str {
                match self { $(EventType::$variant => $name,)* }
            }

            pub fn plover(self) -> Plover {
                match self { $(EventType::$variant => Plover::$plover,)* }
            }
        }

        impl FromStr for EventType {
            type Err = String;
            fn from_str(raw: &str) -> Result<EventType, String> {
                match raw { $($name => Ok(EventType::$variant),)* _ => Err(format!("unknown event type {raw:?}")) }
            }
        }
    };
}

event_types! {
    Agree = "agree" => Agree, "Sign or reach an agreement, memorandum, deal or pact.";
    Visit = "visit" => Consult, "An official visit or trip.";
    Meet = "meet" => Consult, "A meeting, conference, call or talks.";
    Praise = "praise" => Support, "Praise, endorse or defend.";
    Support = "support" => Support, "Back another actor or its action.";
    Release = "release" => Concede, "Release a detainee or property.";
    Concede = "concede" => Concede, "Ease sanctions, apologize, yield, accept a demand.";
    Cooperate = "cooperate" => Cooperate, "Other cooperation, or an offer of help.";
    CooperateMilitary = "cooperate_military" => Cooperate, "Military training, technical assistance, joint production, bases.";
    RestoreRelations = "restore_relations" => Cooperate, "Establish or restore diplomatic ties.";
    Trade = "trade" => Cooperate, "An economic exchange.";
    Aid = "aid" => Aid, "Humanitarian, medical or economic aid.";
    TransferArms = "transfer_arms" => Aid, "Sell, supply, deliver or buy weapons or military equipment.";
    Withdraw = "withdraw" => Retreat, "Withdraw forces, leave an agreement or an organization, retreat.";
    Request = "request" => Request, "Demand or request information or action.";
    Criticize = "criticize" => Accuse, "Criticize, deplore, condemn, warn against.";
    Accuse = "accuse" => Accuse, "Allege responsibility, accuse.";
    Deny = "deny" => Reject, "Deny an accusation or involvement.";
    Reject = "reject" => Reject, "Reject a proposal, demand or request; refuse; veto.";
    Threaten = "threaten" => Threaten, "Threaten force, sanctions or other harm.";
    Protest = "protest" => Protest, "Demonstrate, strike, boycott.";
    Designate = "designate" => Sanction, "Designate as terrorist, impose sanctions.";
    Sanction = "sanction" => Sanction, "Cut ties, recall an envoy, embargo, suspend aid.";
    Mobilize = "mobilize" => Mobilize, "Deploy or mobilize forces, raise alert, exercises.";
    Expel = "expel" => Coerce, "Expel or banish officials.";
    Seize = "seize" => Coerce, "Seize property, detain people.";
    Arrest = "arrest" => Coerce, "Arrest, indict or charge people.";
    Attack = "attack" => Assault, "Bombing, armed attack, strike.";
    Elect = "elect" => None, "An election.";
    Inaugurate = "inaugurate" => None, "Someone takes office.";
}

impl EventType {
    /// Types whose two sides are interchangeable (both parties do it together).
    pub fn is_symmetric(self) -> bool {
        matches!(
            self,
            EventType::Agree | EventType::Meet | EventType::Trade | EventType::RestoreRelations
        )
    }
}

impl fmt::Display for EventType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How certain the article is that the event happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    /// The article states it as fact.
    Asserted,
    /// Attributed to a named source without hedging.
    Reported,
    /// Reportedly, allegedly, "they say".
    Alleged,
    /// Could, may, might, suspected, assumed.
    Speculative,
    /// Will, intends, is willing to, seeks to.
    Planned,
    Denied,
}

impl Modality {
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Reported => "reported",
            Modality::Alleged => "alleged",
            Modality::Speculative => "speculative",
            Modality::Planned => "planned",
            Modality::Denied => "denied",
        }
    }
}

impl fmt::Display for Modality {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_plover_type_has_an_event_type() {
        for plover in Plover::ALL {
            assert!(
                EventType::ALL
                    .iter()
                    .any(|event_type| event_type.plover() == plover),
                "no event type for {plover:?}"
            );
        }
    }

    #[test]
    fn event_type_names_round_trip() {
        for &event_type in EventType::ALL {
            assert_eq!(
                event_type.as_str().parse::<EventType>().unwrap(),
                event_type
            );
        }
    }
}
