/**
 * Adoption of existing chatbot tables, the same for every engine: its public types ({@link
 * dev.chatmigrate.core.adoption.AdoptionOptions}, {@link dev.chatmigrate.core.adoption.AdoptionStep}, {@link
 * dev.chatmigrate.core.adoption.AdoptionConflictException}), {@link dev.chatmigrate.core.adoption.SchemaAdoption}, which
 * plans and runs it, and its package-private planners (ids, roles, columns, constraints and indexes) over a planning
 * view of the catalog. Depends on the SPI, the schema declaration and the verifier's catalog reader only.
 */
package dev.chatmigrate.core.adoption;
