-- AlterEnum
ALTER TYPE "PhoneNumberStatus" ADD VALUE 'inactive';