/**
 * The Open Terms Archive documents the collective follows: Meta's services in two collections, the Platform
 * Governance Archive (`pga-versions`: EU terms, in English) and France (`france-versions`: in French). Each
 * version of a document is a commit in that repository, at `<Service>/<Document type>.md`.
 *
 * Read from the repositories themselves (their trees at `pga-versions` 577430a, 2026-08-22, and
 * `france-versions` 61ec849, 2026-08-21): exactly the Meta documents that have versions there today.
 * OTA removed Facebook and Instagram from its France collection on 2022-04-28: only WhatsApp remains there.
 * Messenger is in neither collection.
 */
export type OtaCollectionId = 'pga' | 'france';

export interface OtaCollection {
  id: OtaCollectionId;
  /** The versions repository under github.com/OpenTermsArchive. */
  repo: string;
  /** The language of its documents. */
  language: 'en' | 'fr';
  title: string;
}

export const OTA_COLLECTIONS: Record<OtaCollectionId, OtaCollection> = {
  pga: { id: 'pga', repo: 'pga-versions', language: 'en', title: 'Open Terms Archive — Platform Governance Archive (UE)' },
  france: { id: 'france', repo: 'france-versions', language: 'fr', title: 'Open Terms Archive — France' },
};

/** OTA's document types (its terms-types list), those that Meta's services have in these collections. */
export const OTA_DOCUMENT_TYPES = [
  'Terms of Service',
  'Privacy Policy',
  'Community Guidelines',
  'Commercial Terms',
  'Advertising Content Policy',
  'Content Monetisation Policy',
  'Trackers Policy',
  'Developer Terms',
  'Live Policy',
  'Law Enforcement Guidelines',
  'User Consent Policy',
  'Data Processor Agreement',
] as const;
export type OtaDocumentType = (typeof OTA_DOCUMENT_TYPES)[number];

/** How Meta itself names these documents in French, where it does ("Standards de la communauté"). */
export const DOCUMENT_LABELS_FR: Record<OtaDocumentType, string> = {
  'Terms of Service': 'Conditions d’utilisation',
  'Privacy Policy': 'Politique de confidentialité',
  'Community Guidelines': 'Standards de la communauté',
  'Commercial Terms': 'Conditions commerciales',
  'Advertising Content Policy': 'Standards publicitaires',
  'Content Monetisation Policy': 'Règles de monétisation du contenu',
  'Trackers Policy': 'Politique relative aux cookies',
  'Developer Terms': 'Conditions de la plateforme pour les développeurs',
  'Live Policy': 'Règles des vidéos en direct',
  'Law Enforcement Guidelines': 'Informations à l’intention des autorités',
  'User Consent Policy': 'Politique de consentement des utilisateurs',
  'Data Processor Agreement': 'Conditions relatives au traitement des données',
};

export interface OtaService {
  /** The service id, as in OTA's file paths ("Facebook"). */
  service: string;
  documents: readonly OtaDocumentType[];
}

export const OTA_CATALOG: Record<OtaCollectionId, readonly OtaService[]> = {
  pga: [
    {
      service: 'Facebook',
      documents: [
        'Terms of Service', 'Privacy Policy', 'Community Guidelines', 'Commercial Terms', 'Advertising Content Policy', 'Trackers Policy',
        'Developer Terms', 'Live Policy', 'Law Enforcement Guidelines', 'User Consent Policy', 'Data Processor Agreement',
      ],
    },
    {
      service: 'Instagram',
      documents: ['Terms of Service', 'Privacy Policy', 'Community Guidelines', 'Advertising Content Policy', 'Content Monetisation Policy', 'Trackers Policy', 'Developer Terms', 'Law Enforcement Guidelines'],
    },
    { service: 'Threads', documents: ['Terms of Service', 'Privacy Policy'] },
    { service: 'WhatsApp', documents: ['Terms of Service', 'Privacy Policy', 'Trackers Policy'] },
  ],
  france: [{ service: 'WhatsApp', documents: ['Terms of Service', 'Privacy Policy'] }],
};

/** A document type in the reader's language; a type outside the list keeps OTA's English name. */
export function documentLabel(type: string, language: 'en' | 'fr'): string {
  if (language === 'en') return type;
  return (DOCUMENT_LABELS_FR as Record<string, string>)[type] ?? type;
}
