/**
 * A reference engine in plain JDBC: the smallest engine that fulfils the contract, used to prove the
 * contract suite (and its deliberately broken variants, to prove the suite can fail) and to build a
 * database "with another engine" in the contract's OTHER_ENGINE clause.
 */
package dev.chatmigrate.contract.reference;
