package io.github.variantconnect.quickstart.deploy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What a shared library asks of the system that loads it, read from its ELF headers the way
 * {@code readelf -d -V} does: the libraries it names as {@code NEEDED}, and the symbol versions it
 * requires of them ({@code GLIBC_2.17}, {@code GLIBCXX_3.4.21}, ...). 32- and 64-bit, either byte
 * order; see the System V ABI's ELF chapters (sections, the dynamic section, GNU symbol versioning).
 */
record ElfDependencies(String machine, List<String> needed, TreeSet<String> versions) {

  private static final int SHT_DYNAMIC = 6;
  private static final int SHT_GNU_VERNEED = 0x6ffffffe;
  private static final long DT_NEEDED = 1;

  static boolean isElf(byte[] bytes) {
    return bytes.length > 64 && bytes[0] == 0x7f && bytes[1] == 'E' && bytes[2] == 'L' && bytes[3] == 'F';
  }

  static ElfDependencies parse(byte[] bytes) {
    if (!isElf(bytes)) {
      throw new IllegalArgumentException("not an ELF file");
    }
    boolean wide = bytes[4] == 2;
    ByteBuffer elf = ByteBuffer.wrap(bytes).order(bytes[5] == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    int machine = Short.toUnsignedInt(elf.getShort(18));
    long sectionsAt = wide ? elf.getLong(0x28) : Integer.toUnsignedLong(elf.getInt(0x20));
    int entrySize = Short.toUnsignedInt(elf.getShort(wide ? 0x3A : 0x2E));
    int count = Short.toUnsignedInt(elf.getShort(wide ? 0x3C : 0x30));
    List<Section> sections = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      sections.add(Section.read(elf, (int) (sectionsAt + (long) i * entrySize), wide));
    }
    List<String> needed = new ArrayList<>();
    TreeSet<String> versions = new TreeSet<>();
    for (Section section : sections) {
      if (section.type == SHT_DYNAMIC) {
        Section strings = sections.get(section.link);
        int step = wide ? 16 : 8;
        for (long at = section.offset; at + step <= section.offset + section.size; at += step) {
          long tag = wide ? elf.getLong((int) at) : elf.getInt((int) at);
          long value = wide ? elf.getLong((int) at + 8) : Integer.toUnsignedLong(elf.getInt((int) at + 4));
          if (tag == 0) {
            break;
          }
          if (tag == DT_NEEDED) {
            needed.add(string(bytes, strings.offset + value));
          }
        }
      } else if (section.type == SHT_GNU_VERNEED) {
        Section strings = sections.get(section.link);
        long need = section.offset;
        for (int n = 0; n < section.info; n++) {
          int auxCount = Short.toUnsignedInt(elf.getShort((int) need + 2));
          long aux = need + Integer.toUnsignedLong(elf.getInt((int) need + 8));
          for (int a = 0; a < auxCount; a++) {
            versions.add(string(bytes, strings.offset + Integer.toUnsignedLong(elf.getInt((int) aux + 8))));
            aux += Integer.toUnsignedLong(elf.getInt((int) aux + 12));
          }
          need += Integer.toUnsignedLong(elf.getInt((int) need + 12));
        }
      }
    }
    return new ElfDependencies(machineName(machine), List.copyOf(needed), versions);
  }

  /** The highest version of {@code prefix} required, e.g. "2.17" for prefix "GLIBC_"; null if none. */
  String highest(String prefix) {
    return versions.stream().filter(v -> v.startsWith(prefix) && Character.isDigit(v.charAt(prefix.length())))
        .map(v -> v.substring(prefix.length()))
        .max(ElfDependencies::compareVersions)
        .orElse(null);
  }

  static int compareVersions(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int p = i < x.length ? Integer.parseInt(x[i]) : 0;
      int q = i < y.length ? Integer.parseInt(y[i]) : 0;
      if (p != q) {
        return Integer.compare(p, q);
      }
    }
    return 0;
  }

  private static String machineName(int machine) {
    return switch (machine) {
      case 0x3E -> "x86-64";
      case 0xB7 -> "aarch64";
      case 0x03 -> "x86";
      case 0x28 -> "arm";
      default -> "machine " + machine;
    };
  }

  private static String string(byte[] bytes, long at) {
    int end = (int) at;
    while (bytes[end] != 0) {
      end++;
    }
    return new String(bytes, (int) at, end - (int) at, StandardCharsets.US_ASCII);
  }

  private record Section(int type, long offset, long size, int link, int info) {
    static Section read(ByteBuffer elf, int at, boolean wide) {
      int type = elf.getInt(at + 4);
      if (wide) {
        return new Section(type, elf.getLong(at + 0x18), elf.getLong(at + 0x20), elf.getInt(at + 0x28), elf.getInt(at + 0x2C));
      }
      return new Section(type, Integer.toUnsignedLong(elf.getInt(at + 0x10)), Integer.toUnsignedLong(elf.getInt(at + 0x14)),
          elf.getInt(at + 0x18), elf.getInt(at + 0x1C));
    }
  }
}
