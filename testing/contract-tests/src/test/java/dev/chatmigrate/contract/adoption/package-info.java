/** Adoption of databases real ORMs made, and what it refuses, proved once with the {@code jdbc} baseline engine. */
package dev.chatmigrate.contract.adoption;
