-- The fixed taxonomy of data categories (OPP-115 "personal information type", extended for the
-- cases). Labels and descriptions may be refined by the seed; the slugs are fixed.
INSERT INTO data_categories (slug, label, description) VALUES
  ('contacts', 'Contacts', 'The address book or contact list on the user''s device or account.'),
  ('photos_media', 'Photos and media', 'Photos, videos and other media files stored on the device.'),
  ('location', 'Location', 'Precise or approximate location: GPS, geo-location, country derived from it.'),
  ('sensors', 'Sensors and motion', 'Accelerometer, gyroscope, Bluetooth and other device sensor data.'),
  ('voice', 'Voice', 'Voice commands, voice recordings and microphone access.'),
  ('phone_number', 'Phone number', 'The user''s mobile phone number.'),
  ('email_address', 'E-mail address', 'The user''s e-mail address.'),
  ('ip_address_device_ids', 'IP address and device identifiers', 'IP address, device, advertising and hardware identifiers, device information.'),
  ('transactions', 'Transactions and payments', 'Purchases, payments and transaction data.'),
  ('activity', 'Listening and activity history', 'Usage, listening, viewing and interaction history, last seen, followed artists or playlists.'),
  ('profile', 'Profile', 'Name, user name, profile picture, date of birth and other profile information.'),
  ('cookies_tracking', 'Cookies and tracking', 'Cookies, pixels, web beacons and cross-site tracking.'),
  ('health', 'Health', 'Health, fitness and medical information.'),
  ('financial', 'Financial', 'Bank account, card and credit information.'),
  ('biometric', 'Biometric', 'Face geometry, fingerprints, voiceprints and other biometric identifiers.'),
  ('messages', 'Messages', 'Message content and communications metadata.'),
  ('connected_device_state', 'Connected-device state', 'State and readings of connected devices: thermostat state, temperature, doors, appliances.'),
  ('other', 'Other', 'Personal data of another kind.')
ON CONFLICT (slug) DO NOTHING;
