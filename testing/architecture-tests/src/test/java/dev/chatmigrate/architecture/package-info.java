/** ArchUnit rules that keep the module boundaries of docs/design.md; test-only. */
package dev.chatmigrate.architecture;
