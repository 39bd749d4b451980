//! Rule corpus of the entity stage.
