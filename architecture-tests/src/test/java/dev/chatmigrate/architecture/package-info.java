/** ArchUnit rules that keep the module boundaries of DESIGN.md; test-only. */
package dev.chatmigrate.architecture;
