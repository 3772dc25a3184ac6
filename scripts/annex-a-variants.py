#!/usr/bin/env python3
"""Writes src/Sightline.Formats/AnnexA/AnnexAVariants.cs from ../shared/data/annex-a/Annex_A_schema.yml.

The product never reads the YAML: it carries this C# copy, and AnnexASchemaTests compares the two. Run it again
when the YAML changes, then read the diff. The choices it makes where the YAML contradicts itself are listed in
DECISIONS below and in docs/data/annex-a.md."""
import os
import re
import sys
import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCE = os.path.join(ROOT, '..', 'shared', 'data', 'annex-a', 'Annex_A_schema.yml')
TARGET = os.path.join(ROOT, 'src', 'Sightline.Formats', 'AnnexA', 'AnnexAVariants.cs')

# Which code set each YAML column uses, named as the C# names it.
SETS = {
    ('list_1', 'Gender'): 'Gender',
    ('list_1', 'Ethnicity'): 'Ethnicity',
    ('list_1', 'Contact Source'): 'Source',
    ('list_3', 'Referral NFA?'): 'ReferralNfa',
    ('list_4', 'Does the Child have a Disability'): 'Disability',
    ('list_4', 'Child Seen During Continuous Assessment'): 'ChildSeen',
    ('list_4', "Was the child assessed as requiring LA children's social care support?"): 'YesNo',
    ('list_5', 'Did the Initial Child Protection Conference Result in a Child Protection Plan'): 'ResultedInPlan',
    ('list_6', 'Primary Need Code'): 'Need',
    ('list_6', 'Reason for Closure'): 'ReasonForClosure',
    ('list_6', 'Case Status'): 'CaseStatus',
    ('list_7', 'Initial Category of Abuse'): 'CategoryOfAbuse',
    ('list_7', 'Was the Child Seen Alone?'): 'SeenAlone',
    ('list_8', 'Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)'): 'Uasc',
    ('list_8', "Child's Legal Status"): 'LegalStatus',
    ('list_8', 'What is the permanence plan for this child?'): 'PermanencePlan',
    ('list_8', 'Reason Ceased to be Looked After'): 'ReasonCeased',
    ('list_8', 'Placement Type'): 'PlacementType',
    ('list_8', 'Placement Provider'): 'PlacementProvider',
    ('list_8', 'Placement Location'): 'PlacementLocation',
    ('list_8', 'LA of Placement'): 'PlacementLocalAuthority',
    ('list_8', 'Was the child offered a Return Interview after their last missing episode (Y/N)?'): 'ReturnInterview',
    ('list_9', 'Eligibility Category'): 'Eligibility',
    ('list_9', 'LA in Touch'): 'InTouch',
    ('list_9', 'Type of Accommodation'): 'AccommodationType',
    ('list_9', 'Suitability of Accommodation'): 'AccommodationSuitability',
    ('list_10', 'Reason Why Child No Longer Placed for Adoption'): 'AdoptionReversalReason',
    ('list_11', 'Is the (prospective) adopter fostering for adoption?'): 'FosteringForAdoption',
    ('list_11', 'Reason for leaving adoption process'): 'LeavingAdoptionReason',
}

# YAML codes that are not Ofsted's canonical value, and the canonical value C# uses instead.
CANONICAL = {
    'Yes': 'a) Yes', 'No': 'b) No', 'Unknown': 'c) Unknown',
    'a) white': 'a) White',
    'd) Black or black British': 'd) Black or Black British',
    'c) Unknown': 'f) Not stated',
    'a) Male / d) Neither ': 'd) Neither',
    'c) Education Services': 'c) Education services',
    'd) Health Services': 'd) Health services',
    'f) LA Services': 'f) LA services',
    'c) Freed for  Adoption': 'c) Freed for adoption',
    'f) Detained on child protection grounds in LA accomodation': 'f) Detained on child protection grounds in LA accommodation',
    'a) Foster Placement': 'a) Foster placement',
    'Bedford borough': 'Bedford Borough',
    'Bruy': 'Bury',
    'Calerdale': 'Calderdale',
    'lancashire': 'Lancashire',
    'Essex County Council': 'Essex',
    'Hampshire County Council': 'Hampshire',
    'Leicester City Council': 'Leicester',
    'London Borough of Hounslow': 'Hounslow',
    'Brighton and Hove City Council': 'Brighton and Hove',
    'Kingston upon Hull (City of)': 'Kingston Upon Hull, City of',
    'Kingston': 'Kingston upon Thames',
    'Richmond Upon Thames': 'Richmond upon Thames',
    'Telford': 'Telford and Wrekin',
    'St. Helens': 'St Helens',
    'SCO': 'Scotland',
    'WAL': 'Wales',
    'NIR': 'Northern Ireland',
    'NI': 'Northern Ireland',
    'NUK': 'Outside the UK',
}

# YAML codes whose variants mean "not recorded": read as a blank cell.
BLANK = {' - ', '-', '.', '..', '<blank>', 'na', 'pd.NA', 'zNotRecorded', 'No data', 'Not recorded',
         'Data not captured in MOSAIC', 'Data not captured on mosaic', 'CON', 'London'}
# YAML codes whose variants are known errors: read, then reported as not a valid value.
ERROR = {'zzCodeError'}
# A variant the YAML gives two codes takes the first, except where listed here.
OVERRIDES = {('Gender', 'indeterminate'): 'd) Neither'}


def normalise(text):
    text = text.replace('\u2019', "'").replace('\u2018', "'").replace('\u201c', '"').replace('\u201d', '"')
    return re.sub(r'\s+', ' ', text).strip().lower()


class Loader(yaml.SafeLoader):
    pass


# Every scalar as the text written: "Yes", "1" and "0" are spellings, not booleans or numbers.
for first, resolvers in list(Loader.yaml_implicit_resolvers.items()):
    Loader.yaml_implicit_resolvers[first] = [(tag, rx) for tag, rx in resolvers
                                            if tag in ('tag:yaml.org,2002:merge',)]


def cs(text):
    return '"' + text.replace('\\', '\\\\').replace('"', '\\"') + '"'


def main():
    schema = yaml.load(open(SOURCE, encoding='utf-8'), Loader=Loader)['column_map']
    out = ['// <auto-generated>', '// Written by scripts/annex-a-variants.py from Annex_A_schema.yml (the community schema of',
           '// Ofsted Annex A); AnnexASchemaTests checks it against the YAML. Do not edit by hand.',
           '// The spellings come from that schema, SocialFinanceDigitalLabs/liia-tools-pipeline @ 4aff918 (MIT licence);',
           '// the codes they map to are Ofsted\'s.', '// </auto-generated>',
           'namespace Sightline.Formats.AnnexA;', '',
           '/// <summary>Every spelling councils use for each Annex A coded value: per code set, each canonical value',
           '/// followed by its variants. <see cref="AnnexACodeSet.Blank"/> and <see cref="AnnexACodeSet.Error"/>',
           '/// stand for spellings that mean "not recorded" and known errors.</summary>',
           'internal static class AnnexAVariants', '{']
    for (lst, col), name in SETS.items():
        groups = {}
        seen = {}
        for entry in schema[lst][col]['category']:
            code = entry['code']
            canonical = AnnexACodeSetName(code)
            names = entry['name'] if isinstance(entry['name'], list) else [entry['name']]
            for variant in [code] + names:
                key = normalise(variant)
                if key in ('', 'nan'):
                    continue
                wanted = OVERRIDES.get((name, key))
                if key in seen and (wanted is None or seen[key] == wanted):
                    continue
                if key in seen:
                    groups[seen[key]].remove(key)
                seen[key] = wanted or canonical
                groups.setdefault(wanted or canonical, [])
                groups[wanted or canonical].append(key)
        out.append(f'    public static readonly string[][] {name} =')
        out.append('    [')
        # Ofsted's order is the letter order; local authorities alphabetical; blanks and errors last.
        for canonical, variants in sorted(groups.items(), key=lambda g: (g[0].startswith('<'), g[0].lower())):
            out.append('        [' + ', '.join(cs(v) for v in [canonical] + variants) + '],')
        out.append('    ];')
        out.append('')
    out[-1:] = ['}', '']
    open(TARGET, 'w', encoding='utf-8').write('\n'.join(out))


def AnnexACodeSetName(code):
    if code in BLANK:
        return '<blank>'
    if code in ERROR:
        return '<error>'
    return CANONICAL.get(code, code).strip()


if __name__ == '__main__':
    sys.exit(main())
