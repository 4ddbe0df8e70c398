-- AlterEnum
ALTER TYPE "SmsStatus" ADD VALUE 'cancelled';
