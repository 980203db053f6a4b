//! Pactwatch lexicons: gazetteers and the event lexicon, compiled to automata
