package com.caricomtr.sandbox.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import com.caricomtr.sandbox.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Keeps the ledger in one JSON file.
 *
 * <p>Every change is written before the request that made it is answered, so a client never holds an id the file does
 * not. The file is replaced by writing a temporary sibling and renaming it over the old one: a {@code kill -9} at any
 * moment leaves either the old or the new file, never a torn one. Concurrent changes share one write (group commit):
 * a writer that finds its version already on disk returns at once.
 */
public final class DataFile {
    private static final String FORMAT = "cari-sandbox/1";

    private final Path path;
    private final Path temporary;
    private final Ledger ledger;
    private final ReentrantLock writing = new ReentrantLock();
    private long writtenVersion;

    private DataFile(Path path, Ledger ledger) {
        this.path = path.toAbsolutePath();
        this.temporary = this.path.resolveSibling(this.path.getFileName() + ".tmp");
        this.ledger = ledger;
    }

    /** Loads {@code path} into {@code ledger} when it exists, then keeps it up to date with every change. */
    public static DataFile attach(Path path, Ledger ledger) {
        DataFile file = new DataFile(path, ledger);
        file.load();
        ledger.onChange(file::persist);
        return file;
    }

    public Path path() {
        return path;
    }

    private void load() {
        try {
            Files.createDirectories(path.getParent());
            if (!Files.exists(path)) {
                return;
            }
            JsonNode root = Json.parse(Files.readAllBytes(path));
            if (!FORMAT.equals(root.path("format").asText())) {
                throw new IllegalStateException("Not a sandbox data file (format \"" + FORMAT + "\" expected): " + path);
            }
            List<StoredCustomer> customers = new ArrayList<>();
            for (JsonNode c : root.path("customers")) {
                customers.add(new StoredCustomer(sequence(c, "C"), c.path("firma_kodu").asText(),
                        (ObjectNode) c.path("cari"), Instant.parse(c.path("created_at").asText()),
                        Instant.parse(c.path("updated_at").asText())));
            }
            List<StoredInvoice> invoices = new ArrayList<>();
            for (JsonNode i : root.path("invoices")) {
                invoices.add(new StoredInvoice(sequence(i, "F"), i.path("firma_kodu").asText(),
                        (ObjectNode) i.path("fatura"), Instant.parse(i.path("received_at").asText())));
            }
            ledger.restore(customers, invoices);
            writtenVersion = ledger.version();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the sandbox data file " + path, e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot read the sandbox data file " + path + ": " + e.getMessage(), e);
        }
    }

    private static long sequence(JsonNode record, String prefix) {
        String id = record.path("id").asText();
        if (!id.startsWith(prefix)) {
            throw new IllegalStateException("Unexpected id " + id);
        }
        return Long.parseLong(id.substring(prefix.length()));
    }

    /** Makes sure version {@code version} of the ledger (or a later one) is on disk. */
    private void persist(long version) {
        writing.lock();
        try {
            if (writtenVersion >= version) {
                return;
            }
            // Read the version before the snapshot: the snapshot then holds at least that many changes.
            long current = ledger.version();
            write(snapshot());
            writtenVersion = current;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the sandbox data file " + path, e);
        } finally {
            writing.unlock();
        }
    }

    private ObjectNode snapshot() {
        ObjectNode root = Json.object();
        root.put("format", FORMAT);
        root.put("saved_at", Instant.now().toString());
        ArrayNode customers = root.putArray("customers");
        for (StoredCustomer c : ledger.customers()) {
            ObjectNode node = customers.addObject();
            node.put("firma_kodu", c.firmaKodu());
            node.put("id", c.id());
            node.put("created_at", c.createdAt().toString());
            node.put("updated_at", c.updatedAt().toString());
            node.set("cari", c.cari());
        }
        ArrayNode invoices = root.putArray("invoices");
        for (StoredInvoice i : ledger.invoices()) {
            ObjectNode node = invoices.addObject();
            node.put("firma_kodu", i.firmaKodu());
            node.put("id", i.id());
            node.put("received_at", i.receivedAt().toString());
            node.set("fatura", i.fatura());
        }
        return root;
    }

    private void write(ObjectNode root) throws IOException {
        byte[] bytes = Json.prettyBytes(root);
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            // The rename alone survives a killed process; forcing also survives a lost machine.
            channel.force(true);
        }
        Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
