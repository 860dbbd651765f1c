#pragma once
// The inverse of MappingProfile::fromJson: the mapping a user made or edited in the import wizard, saved
// as a profile document (docs/crm-import.md, schema 1) that loads back to the same mapping. Pure.
#include <span>
#include <string>

#include "io/MappedImport.h"

namespace salesops {

struct ProfileIdentity {
  std::string id;    // [a-z0-9_-]+
  std::string name;  // shown in the profile chooser
  std::string sourceNote;
};

// One profile with one file entry per source, in order; the locale is the first source's and the stages
// are every source's, each stage once. An entry without required headers (a hand-made mapping) requires
// its mapped columns, so auto-detection can find it again; a column mapped to no field is written as
// ignored. Throws Error(Data) when `sources` is empty or the identity's id is not a valid profile id.
std::string writeMappingProfileJson(const ProfileIdentity& identity, std::span<const MappedSource> sources);

// A profile id made from a display name: "Acme CRM (2024)" -> "acme-crm-2024"; "profile" when nothing is left.
std::string profileIdFromName(const std::string& name);

}  // namespace salesops
