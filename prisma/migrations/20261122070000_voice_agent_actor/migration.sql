-- The voice agent acts on a call: its audit rows name it (and the call id in metadata).
ALTER TYPE "ActorType" ADD VALUE 'voice_agent' BEFORE 'system';
